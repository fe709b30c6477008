import { AlertOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useOutletContext } from 'react-router';
import { ApiProblem, messageOf } from '../shared/api/problem';
import { useReportIncident } from '../shared/api/queries';
import type { IncidentCategory, Me } from '../shared/api/views';
import { showFieldErrors } from '../shared/formErrors';
import { CATEGORY_LABELS } from '../shared/labels';
import { fromBeijingInput, toBeijingInput } from '../shared/time';

const LOCATIONS = ['急诊科', '急诊科分诊台', '门诊大厅', '住院部', '收费处', '药房', '医生办公室', '护士站', '停车场'];
// Injury grades are legal categories, kept apart: 轻伤 is the threshold of a crime (刑法 art. 234).
const GRADES = [
  ['Deaths', '死亡', 'deaths'],
  ['Serious', '重伤', 'seriousInjuries'],
  ['Light', '轻伤', 'lightInjuries'],
  ['Slight', '轻微伤', 'slightInjuries'],
] as const;
// Who was hurt.
const GROUPS = [
  ['staff', '医务人员'],
  ['patients', '患方'],
  ['perpetrators', '行为人'],
  ['bystanders', '其他人员'],
] as const;
type Group = (typeof GROUPS)[number][0];
type CountField = `${Group}${(typeof GRADES)[number][0]}`;

interface FormValues {
  occurredAt: string;
  categories: IncidentCategory[];
  partiesCount: number | null;
  behaviour: string;
  location?: string;
  massIncident: boolean;
  weaponsInvolved: boolean;
  description?: string;
  seriousInjuryPendingAppraisal: boolean;
}
type Values = FormValues & Partial<Record<CountField, number | null>>;

// Where the API's field paths show on this form.
const FIELDS: Record<string, keyof Values> = {
  occurredAt: 'occurredAt',
  'intake.partiesCount': 'partiesCount',
  'intake.behaviour': 'behaviour',
  'intake.location': 'location',
  'intake.description': 'description',
  'classification.categories': 'categories',
  'classification.seriousInjuryPendingAppraisal': 'seriousInjuryPendingAppraisal',
  ...Object.fromEntries(
    GROUPS.flatMap(([group]) =>
      GRADES.map(([grade, , apiName]) => [`classification.casualties.${group}.${apiName}`, `${group}${grade}` as CountField]),
    ),
  ),
};
const fieldOf = (apiField: string): string | undefined =>
  FIELDS[apiField] ?? Object.entries(FIELDS).find(([path]) => apiField.startsWith(`${path}.`))?.[1];

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

const count = (value: number | null | undefined): number => (typeof value === 'number' ? value : 0);

/** 上报警情: one screen, phone first (375 px), time defaulting to now, injuries by grade. */
export default function ReportPage() {
  const me = useOutletContext<Me>();
  const report = useReportIncident();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string[]>([]);
  const values = Form.useWatch([], form) as Values | undefined;
  // As the server has it: a death, a 重伤 (or one suspected, pending appraisal), or a mass incident.
  const major =
    !!values &&
    (GROUPS.some(([group]) => count(values[`${group}Deaths`]) + count(values[`${group}Serious`]) > 0) ||
      values.massIncident ||
      values.seriousInjuryPendingAppraisal);

  const submit = async (v: Values) => {
    setProblem([]);
    const casualties = Object.fromEntries(
      GROUPS.map(([group]) => [group, Object.fromEntries(GRADES.map(([grade, , apiName]) => [apiName, count(v[`${group}${grade}`])]))]),
    ) as Record<Group, Record<(typeof GRADES)[number][2], number>>;
    const injured = v.seriousInjuryPendingAppraisal || Object.values(casualties).some((c) => Object.values(c).some((n) => n > 0));
    try {
      const result = await report.mutateAsync({
        // The server derives the hospital's region, police office and commission from the directory.
        hospital: { hospitalId: me.organisationId },
        occurredAt: v.occurredAt ? fromBeijingInput(v.occurredAt) : '',
        intake: {
          channel: 'hospital_report',
          partiesCount: v.partiesCount as number,
          behaviour: v.behaviour ?? '',
          anyoneInjured: injured,
          ...(v.location ? { location: v.location } : {}),
          ...(v.description ? { description: v.description } : {}),
        },
        classification: {
          categories: v.categories ?? [],
          casualties,
          massIncident: v.massIncident,
          weaponsInvolved: v.weaponsInvolved,
          seriousInjuryPendingAppraisal: v.seriousInjuryPendingAppraisal,
        },
      });
      message.success(`已上报，警情编号 ${result.caseNumber}`);
      navigate(`/case/${result.caseNumber}`);
    } catch (error) {
      const unplaced = showFieldErrors(form, error, fieldOf);
      const allBesideTheirFields = error instanceof ApiProblem && error.errors.length > 0 && unplaced.length === 0;
      setProblem(allBesideTheirFields ? [] : [messageOf(error), ...unplaced]);
    }
  };

  return (
    <Card
      title={
        <span>
          <AlertOutlined style={{ color: '#cf1322', marginRight: 8 }} />
          上报警情
        </span>
      }
      styles={{ body: { padding: 16 } }}
      style={{ maxWidth: 760 }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={report.isPending}
        initialValues={{
          occurredAt: toBeijingInput(new Date()),
          categories: [],
          massIncident: false,
          weaponsInvolved: false,
          seriousInjuryPendingAppraisal: false,
          partiesCount: 1,
        }}
        scrollToFirstError
      >
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
          <Col xs={24} sm={16}>
            <Form.Item name="occurredAt" label="发生时间（北京时间）" rules={[{ required: true, message: '请填写发生时间' }]}>
              <Input type="datetime-local" size="large" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="behaviour" label="具体行为" rules={[{ required: true, message: '请描述具体行为' }]}>
          <Input.TextArea rows={2} placeholder="如：患者家属持刀威胁值班医生" maxLength={2000} />
        </Form.Item>
        <Form.Item name="location" label="院内地点">
          <AutoComplete options={LOCATIONS.map((value) => ({ value }))} placeholder="如：急诊科分诊台" size="large" />
        </Form.Item>
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
        <Form.Item name="description" label="补充说明（选填）">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        {major && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message="重大事件"
            description="有死亡、重伤（含疑似重伤待鉴定）或群体性事件：上报后立即启动报告时限，须立即报告区卫健委和综治中心，12 小时内报至国家卫健委。"
          />
        )}
        {problem.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={problem[0]}
            description={problem.slice(1).join('；') || undefined}
          />
        )}
        <Button type="primary" danger htmlType="submit" block size="large" loading={report.isPending} style={{ minHeight: 48 }}>
          立即上报
        </Button>
      </Form>
    </Card>
  );
}
