import { Alert, Button, Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useFormProblem } from '../shared/FormProblem';
import type { IncidentCategory } from '../shared/api/views';
import { CATEGORY_LABELS } from '../shared/labels';

/**
 * What a hospital states of an incident [S3 二(二)] — categories, parties, behaviour, injuries by grade — as form
 * fields: the report form (上报警情) and the one-key alarm's details filled in later (补录报警详情) show the same ones.
 */

// Injury grades are legal categories, kept apart: 轻伤 is the threshold of a crime (刑法 art. 234).
export const GRADES = [
  ['Deaths', '死亡', 'deaths'],
  ['Serious', '重伤', 'seriousInjuries'],
  ['Light', '轻伤', 'lightInjuries'],
  ['Slight', '轻微伤', 'slightInjuries'],
] as const;
// Who was hurt.
export const GROUPS = [
  ['staff', '医务人员'],
  ['patients', '患方'],
  ['perpetrators', '行为人'],
  ['bystanders', '其他人员'],
] as const;
type Group = (typeof GROUPS)[number][0];
type CountField = `${Group}${(typeof GRADES)[number][0]}`;
type Casualties = Record<Group, Record<(typeof GRADES)[number][2], number>>;

export interface ParticularsValues extends Partial<Record<CountField, number | null>> {
  categories: IncidentCategory[];
  partiesCount: number | null;
  behaviour: string;
  massIncident: boolean;
  weaponsInvolved: boolean;
  description?: string;
  seriousInjuryPendingAppraisal: boolean;
}

export const PARTICULARS_DEFAULTS = {
  categories: [],
  massIncident: false,
  weaponsInvolved: false,
  seriousInjuryPendingAppraisal: false,
  partiesCount: 1,
} satisfies Partial<ParticularsValues>;

const count = (value: number | null | undefined): number => (typeof value === 'number' ? value : 0);

/** The classification the API takes (`classification`), from the form's values. */
export function classificationOf(v: ParticularsValues) {
  const casualties = Object.fromEntries(
    GROUPS.map(([group]) => [group, Object.fromEntries(GRADES.map(([grade, , apiName]) => [apiName, count(v[`${group}${grade}`])]))]),
  ) as Casualties;
  return {
    categories: v.categories ?? [],
    casualties,
    massIncident: v.massIncident,
    weaponsInvolved: v.weaponsInvolved,
    seriousInjuryPendingAppraisal: v.seriousInjuryPendingAppraisal,
  };
}

/** 有无人员受伤, as the counts say (a suspected serious injury counts). */
export function anyoneInjured(v: ParticularsValues): boolean {
  const { casualties } = classificationOf(v);
  return v.seriousInjuryPendingAppraisal || Object.values(casualties).some((c) => Object.values(c).some((n) => n > 0));
}

/** What the API takes as the particulars (parties, behaviour, 有无人员受伤, a note), from the form's values. */
export function particularsOf(v: ParticularsValues) {
  return {
    partiesCount: v.partiesCount as number,
    behaviour: v.behaviour ?? '',
    anyoneInjured: anyoneInjured(v),
    ...(v.description ? { description: v.description } : {}),
  };
}

/** As the server has it: a death, a 重伤 (or one suspected, pending appraisal), or a mass incident. */
export function isMajor(v: ParticularsValues | undefined): boolean {
  return (
    !!v &&
    (GROUPS.some(([group]) => count(v[`${group}Deaths`]) + count(v[`${group}Serious`]) > 0) ||
      v.massIncident ||
      v.seriousInjuryPendingAppraisal)
  );
}

/**
 * Where the API's field paths show on the form. `particulars` is where the request carries parties and behaviour:
 * `intake.` in a report, nothing in the alarm's details; the classification is always under `classification.`.
 */
export function particularsFieldOf(particulars: string): (apiField: string) => string | undefined {
  const fields: Record<string, string> = {
    [`${particulars}partiesCount`]: 'partiesCount',
    [`${particulars}behaviour`]: 'behaviour',
    [`${particulars}description`]: 'description',
    'classification.categories': 'categories',
    'classification.seriousInjuryPendingAppraisal': 'seriousInjuryPendingAppraisal',
    ...Object.fromEntries(
      GROUPS.flatMap(([group]) =>
        GRADES.map(([grade, , apiName]) => [`classification.casualties.${group}.${apiName}`, `${group}${grade}`]),
      ),
    ),
  };
  return (apiField) => fields[apiField] ?? Object.entries(fields).find(([path]) => apiField.startsWith(`${path}.`))?.[1];
}

/** A form with these fields: the form, its API problems (beside the fields, else in `problem.alert`), its values live. */
export function useParticularsForm<V extends ParticularsValues>(fieldOf: (apiField: string) => string | undefined) {
  const [form] = Form.useForm<V>();
  const problem = useFormProblem(form, fieldOf);
  const values = Form.useWatch([], form) as V | undefined;
  return { form, problem, values };
}

/** Category buttons: big, toggled, several may apply. */
function CategoryButtons({ value = [], onChange }: { value?: IncidentCategory[]; onChange?: (next: IncidentCategory[]) => void }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }}>
      {(Object.keys(CATEGORY_LABELS) as IncidentCategory[]).map((category) => {
        const on = value.includes(category);
        return (
          <Button
            key={category}
            type={on ? 'primary' : 'default'}
            aria-pressed={on}
            style={{ minHeight: 44, whiteSpace: 'normal', height: 'auto' }}
            onClick={() => onChange?.(on ? value.filter((c) => c !== category) : [...value, category])}
          >
            {CATEGORY_LABELS[category]}
          </Button>
        );
      })}
    </div>
  );
}

/**
 * The fields, phone first (375 px). The report adds its time of occurrence `beside` 当事方人数 and its location
 * `afterBehaviour` (an alarm has both from the alarm); the major warning shows once the values make it major.
 */
export function ParticularsFields({
  beside,
  afterBehaviour,
  values,
}: {
  beside?: ReactNode;
  afterBehaviour?: ReactNode;
  values: ParticularsValues | undefined;
}) {
  return (
    <>
      <Form.Item
        name="categories"
        label="事件类别（可多选）"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个类别' }]}
      >
        <CategoryButtons />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="partiesCount" label="当事方人数">
            <InputNumber style={{ width: '100%' }} size="large" inputMode="numeric" />
          </Form.Item>
        </Col>
        {beside && (
          <Col xs={24} sm={16}>
            {beside}
          </Col>
        )}
      </Row>
      <Form.Item name="behaviour" label="具体行为" rules={[{ required: true, message: '请描述具体行为' }]}>
        <Input.TextArea rows={2} placeholder="如：患者家属持刀威胁值班医生" maxLength={2000} />
      </Form.Item>
      {afterBehaviour}
      <InjuryFields />
      <Form.Item name="description" label="补充说明（选填）">
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      {isMajor(values) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="重大事件"
          description="有死亡、重伤（含疑似重伤待鉴定）或群体性事件：上报后立即启动报告时限，须立即报告区卫健委和综治中心，12 小时内报至国家卫健委。"
        />
      )}
    </>
  );
}

/** Injuries by grade, the suspected serious injury, mass incident and weapons. */
function InjuryFields() {
  return (
    <>
      <Typography.Text strong>伤亡情况（人数）</Typography.Text>
      {/* Four grades across, one row per group: the inputs stay at least ~60 px wide on a 375 px phone. */}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: '4.5em repeat(4, minmax(0, 1fr))',
          gap: '4px 6px',
          alignItems: 'center',
          margin: '8px 0 8px',
        }}
      >
        <span />
        {GRADES.map(([, name]) => (
          <Typography.Text key={name} type="secondary" style={{ fontSize: 13 }}>
            {name}
          </Typography.Text>
        ))}
        {GROUPS.map(([group, groupName]) => [
          <Typography.Text key={group} style={{ fontSize: 13 }}>
            {groupName}
          </Typography.Text>,
          ...GRADES.map(([grade, name]) => (
            <Form.Item key={`${group}${grade}`} name={`${group}${grade}`} style={{ margin: 0 }}>
              <InputNumber
                min={0}
                controls={false}
                style={{ width: '100%' }}
                size="large"
                inputMode="numeric"
                aria-label={`${groupName}${name}`}
              />
            </Form.Item>
          )),
        ])}
      </div>
      <Form.Item name="seriousInjuryPendingAppraisal" label="疑似重伤，待伤情鉴定" valuePropName="checked" style={{ marginBottom: 16 }}>
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="massIncident" label="群体性事件" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="weaponsInvolved" label="涉及凶器" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
