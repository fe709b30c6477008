import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiProblem, messageOf } from '../shared/api/problem';
import { showFieldErrors } from '../shared/formErrors';
import { apiLabel } from '../shared/labels';
import { useFileProfile, type ProfileBody, type SecurityProfile } from './api';

const EQUIPMENT = ['walk_through_metal_detector', 'x_ray_baggage_scanner', 'handheld_metal_detector', 'liquid_detector'] as const;

/**
 * The form's fields are flat (one name per input, so the API's field problems land beside them); each part of
 * the profile is filed only when its switch is on: a part left off is "未填报", which the standards read as
 * unknown, never as "no".
 */
interface Values {
  openBeds: number | null;
  onDutyMedicalStaff: number | null;
  dailyOutpatients: number | null;
  securityCadres: number | null;
  guards: number | null;
  certifiedGuards: number | null;
  hasPoliceOffice: boolean;
  officePresent: boolean;
  fullTimeOfficers: number;
  partTimeOfficers: number;
  auxiliaries: number;
  officeGuards: number;
  hasScreening: boolean;
  mainEntrances: number;
  screenedMainEntrances: number;
  equipment: (typeof EQUIPMENT)[number][];
  hasAlarms: boolean;
  alarms: ('gate' | 'departments' | 'keyPlaces' | 'networkedToMonitoringCentre' | 'networkedToPolice')[];
  hasVideo: boolean;
  video: ('keyPlacesCovered' | 'highDefinition')[];
  retentionDays: number;
  hasPlan: boolean;
  planAdopted: boolean;
  revisedOn: string;
  hasDrills: boolean;
  drills: string[];
  trainingSessions: number | null;
  liabilityInsurance: 'yes' | 'no' | 'unknown';
}

const ALARMS = [
  ['gate', '门卫室'],
  ['departments', '各科室'],
  ['keyPlaces', '重点要害部位'],
  ['networkedToMonitoringCentre', '联网医院监控中心'],
  ['networkedToPolice', '接入属地公安机关'],
] as const;

// Where the API's field paths show on this form.
const FIELDS: Record<string, keyof Values> = {
  openBeds: 'openBeds',
  onDutyMedicalStaff: 'onDutyMedicalStaff',
  dailyOutpatients: 'dailyOutpatients',
  securityCadres: 'securityCadres',
  guards: 'guards',
  certifiedGuards: 'certifiedGuards',
  'policeOffice.present': 'officePresent',
  'policeOffice.fullTimeOfficers': 'fullTimeOfficers',
  'policeOffice.partTimeOfficers': 'partTimeOfficers',
  'policeOffice.auxiliaries': 'auxiliaries',
  'policeOffice.guards': 'officeGuards',
  'screening.mainEntrances': 'mainEntrances',
  'screening.screenedMainEntrances': 'screenedMainEntrances',
  'screening.equipment': 'equipment',
  'video.retentionDays': 'retentionDays',
  'emergencyPlan.revisedOn': 'revisedOn',
  'emergencyPlan.adopted': 'planAdopted',
  drills: 'drills',
  trainingSessions: 'trainingSessions',
  liabilityInsurance: 'liabilityInsurance',
};
const fieldOf = (apiField: string): string | undefined =>
  FIELDS[apiField] ??
  (apiField.startsWith('drills') ? 'drills' : Object.entries(FIELDS).find(([path]) => apiField.startsWith(`${path}.`))?.[1]);

function valuesOf(p: SecurityProfile | null): Values {
  return {
    openBeds: p?.openBeds ?? null,
    onDutyMedicalStaff: p?.onDutyMedicalStaff ?? null,
    dailyOutpatients: p?.dailyOutpatients ?? null,
    securityCadres: p?.securityCadres ?? null,
    guards: p?.guards ?? null,
    certifiedGuards: p?.certifiedGuards ?? null,
    hasPoliceOffice: !!p?.policeOffice,
    officePresent: p?.policeOffice?.present ?? true,
    fullTimeOfficers: p?.policeOffice?.fullTimeOfficers ?? 0,
    partTimeOfficers: p?.policeOffice?.partTimeOfficers ?? 0,
    auxiliaries: p?.policeOffice?.auxiliaries ?? 0,
    officeGuards: p?.policeOffice?.guards ?? 0,
    hasScreening: !!p?.screening,
    mainEntrances: p?.screening?.mainEntrances ?? 0,
    screenedMainEntrances: p?.screening?.screenedMainEntrances ?? 0,
    equipment: p?.screening?.equipment ?? [],
    hasAlarms: !!p?.alarms,
    alarms: p?.alarms ? ALARMS.map(([key]) => key).filter((key) => p.alarms![key]) : [],
    hasVideo: !!p?.video,
    video: p?.video ? (['keyPlacesCovered', 'highDefinition'] as const).filter((key) => p.video![key]) : [],
    retentionDays: p?.video?.retentionDays ?? 30,
    hasPlan: !!p?.emergencyPlan,
    planAdopted: p?.emergencyPlan?.adopted ?? true,
    revisedOn: p?.emergencyPlan?.revisedOn ?? '',
    hasDrills: !!p?.drills,
    drills: p?.drills ?? [],
    trainingSessions: p?.trainingSessions ?? null,
    liabilityInsurance: p?.liabilityInsurance == null ? 'unknown' : p.liabilityInsurance ? 'yes' : 'no',
  };
}

function bodyOf(v: Values): ProfileBody {
  return {
    openBeds: v.openBeds ?? null,
    onDutyMedicalStaff: v.onDutyMedicalStaff ?? null,
    dailyOutpatients: v.dailyOutpatients ?? null,
    securityCadres: v.securityCadres ?? null,
    guards: v.guards ?? null,
    certifiedGuards: v.certifiedGuards ?? null,
    policeOffice: v.hasPoliceOffice
      ? {
          present: v.officePresent,
          fullTimeOfficers: v.fullTimeOfficers ?? 0,
          partTimeOfficers: v.partTimeOfficers ?? 0,
          auxiliaries: v.auxiliaries ?? 0,
          guards: v.officeGuards ?? 0,
        }
      : null,
    screening: v.hasScreening
      ? { mainEntrances: v.mainEntrances ?? 0, screenedMainEntrances: v.screenedMainEntrances ?? 0, equipment: v.equipment ?? [] }
      : null,
    alarms: v.hasAlarms
      ? (Object.fromEntries(ALARMS.map(([key]) => [key, (v.alarms ?? []).includes(key)])) as NonNullable<ProfileBody['alarms']>)
      : null,
    video: v.hasVideo
      ? {
          keyPlacesCovered: (v.video ?? []).includes('keyPlacesCovered'),
          highDefinition: (v.video ?? []).includes('highDefinition'),
          retentionDays: v.retentionDays ?? 0,
        }
      : null,
    emergencyPlan: v.hasPlan ? { adopted: v.planAdopted, revisedOn: v.revisedOn || null } : null,
    drills: v.hasDrills ? (v.drills ?? []).filter(Boolean) : null,
    trainingSessions: v.trainingSessions ?? null,
    liabilityInsurance: v.liabilityInsurance === 'unknown' ? null : v.liabilityInsurance === 'yes',
  };
}

const Count = ({ name, label, extra }: { name: keyof Values; label: string; extra?: string }) => (
  <Col xs={12} sm={8}>
    <Form.Item name={name} label={label} extra={extra}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} size="large" inputMode="numeric" placeholder="未填报" />
    </Form.Item>
  </Col>
);

/** A part of the profile that is filed only with its switch on. */
function Part({ name, title, children }: { name: keyof Values; title: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Typography.Text type="secondary">填报</Typography.Text>
          <Form.Item name={name} valuePropName="checked" noStyle>
            <Switch aria-label={`填报${title}`} />
          </Form.Item>
        </Space>
      }
    >
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a[name] !== b[name]}>
        {({ getFieldValue }) =>
          getFieldValue(name) ? children : <Typography.Text type="secondary">未填报（按“待核实”评估）</Typography.Text>
        }
      </Form.Item>
    </Card>
  );
}

/** Days drills were held: one date input each. */
function DrillDays({ value = [], onChange }: { value?: string[]; onChange?: (next: string[]) => void }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((day, i) => (
        <Space.Compact key={i} style={{ width: '100%' }}>
          <Input
            type="date"
            size="large"
            aria-label={`演练日期${i + 1}`}
            value={day}
            onChange={(e) => onChange?.(value.map((d, j) => (j === i ? e.target.value : d)))}
          />
          <Button size="large" icon={<DeleteOutlined />} aria-label="删除" onClick={() => onChange?.(value.filter((_, j) => j !== i))} />
        </Space.Compact>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => onChange?.([...value, ''])} style={{ minHeight: 44 }}>
        添加演练日期
      </Button>
    </Space>
  );
}

/** 填报安全台账: the whole profile (a PUT), phone first; region, grade and ownership are the directory's. */
export function ProfileForm({ hospitalId, profile, onDone }: { hospitalId: string; profile: SecurityProfile | null; onDone: () => void }) {
  const file = useFileProfile(hospitalId);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string[]>([]);

  const submit = async (v: Values) => {
    setProblem([]);
    try {
      const result = await file.mutateAsync(bodyOf(v));
      message.success(result.changed ? `已保存，第 ${result.revision} 版` : '内容未变化，无需保存');
      onDone();
    } catch (error) {
      const unplaced = showFieldErrors(form, error, fieldOf);
      const allBesideTheirFields = error instanceof ApiProblem && error.errors.length > 0 && unplaced.length === 0;
      setProblem(allBesideTheirFields ? [] : [messageOf(error), ...unplaced]);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={valuesOf(profile)}
      onFinish={submit}
      disabled={file.isPending}
      scrollToFirstError
    >
      <Card size="small" title="规模与保卫力量" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Count name="openBeds" label="开放床位（张）" />
          <Count name="onDutyMedicalStaff" label="在岗医务人员" />
          <Count name="dailyOutpatients" label="日均门诊量（人次）" />
          <Count name="securityCadres" label="专职保卫干部" />
          <Count name="guards" label="保安员" />
          <Count name="certifiedGuards" label="持证上岗保安员" />
        </Row>
      </Card>
      <Part name="hasPoliceOffice" title="警务室">
        <Form.Item name="officePresent" label="设有警务室" valuePropName="checked">
          <Switch checkedChildren="有" unCheckedChildren="无" />
        </Form.Item>
        <Row gutter={12}>
          <Count name="fullTimeOfficers" label="专职民警" />
          <Count name="partTimeOfficers" label="兼职民警" />
          <Count name="auxiliaries" label="辅警" />
          <Count name="officeGuards" label="警务室保安" />
        </Row>
      </Part>
      <Part name="hasScreening" title="入院安检">
        <Row gutter={12}>
          <Count name="mainEntrances" label="主要出入口" />
          <Count name="screenedMainEntrances" label="已安检出入口" />
        </Row>
        <Form.Item name="equipment" label="安检设备">
          <Select
            mode="multiple"
            size="large"
            placeholder="选择设备"
            options={EQUIPMENT.map((value) => ({ value, label: apiLabel('screeningEquipment', value) }))}
          />
        </Form.Item>
      </Part>
      <Part name="hasAlarms" title="一键式报警">
        <Form.Item name="alarms" label="已安装 / 已联网">
          <Checkbox.Group options={ALARMS.map(([value, label]) => ({ value, label }))} style={{ display: 'grid', gap: 8 }} />
        </Form.Item>
      </Part>
      <Part name="hasVideo" title="视频监控">
        <Form.Item name="video">
          <Checkbox.Group
            options={[
              { value: 'keyPlacesCovered', label: '公共区域、重点区域全覆盖' },
              { value: 'highDefinition', label: '重点要害部位高清' },
            ]}
            style={{ display: 'grid', gap: 8 }}
          />
        </Form.Item>
        <Row gutter={12}>
          <Count name="retentionDays" label="录像存储天数" />
        </Row>
      </Part>
      <Part name="hasPlan" title="应急预案">
        <Form.Item name="planAdopted" label="已制定突发事件应急预案" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="revisedOn" label="最近修订日期">
          <Input type="date" size="large" />
        </Form.Item>
      </Part>
      <Part name="hasDrills" title="应急演练">
        <Form.Item name="drills" label="演练日期">
          <DrillDays />
        </Form.Item>
      </Part>
      <Card size="small" title="培训与保险" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Count name="trainingSessions" label="近12个月安保培训（次）" />
          <Col xs={24} sm={16}>
            <Form.Item name="liabilityInsurance" label="参加医疗责任保险">
              <Select
                size="large"
                options={[
                  { value: 'yes', label: '是' },
                  { value: 'no', label: '否' },
                  { value: 'unknown', label: '未填报' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {problem.length > 0 && (
        <Alert type="error" showIcon message="保存失败" description={problem.join('；')} style={{ marginBottom: 12 }} />
      )}
      <Space wrap>
        <Button type="primary" htmlType="submit" size="large" loading={file.isPending} style={{ minWidth: 120 }}>
          保存台账
        </Button>
        {profile && (
          <Button size="large" onClick={onDone}>
            取消
          </Button>
        )}
      </Space>
    </Form>
  );
}
