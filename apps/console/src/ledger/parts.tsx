import { Card, Descriptions, List, Space, Tag, Tooltip, Typography } from 'antd';
import { apiLabel } from '../shared/labels';
import { beijing } from '../shared/time';
import { useNow } from '../shared/useNow';
import type { ItemStatus } from './inspectionsApi';
import type { Compliance, FilingStatus, LedgerHospital, Requirement, RequirementStatus, SecurityProfile } from './api';

const STATUS_COLOURS: Record<RequirementStatus, string> = { met: 'green', not_met: 'red', unknown: 'gold', not_applicable: 'default' };
const COMPLIANCE_COLOURS: Record<Compliance, string> = {
  compliant: 'green',
  non_compliant: 'red',
  incomplete: 'gold',
  not_filed: 'default',
};
const FILING_COLOURS: Record<FilingStatus, string> = { on_time: 'green', late: 'orange', missing: 'red', pending: 'blue' };

export const StatusTag = ({ status }: { status: RequirementStatus }) => (
  <Tag color={STATUS_COLOURS[status]}>{apiLabel('securityRequirementStatus', status)}</Tag>
);

export const ComplianceTag = ({ compliance, testId }: { compliance: Compliance; testId?: string }) => (
  <Tag color={COMPLIANCE_COLOURS[compliance]} data-testid={testId} style={{ fontSize: 14, padding: '2px 8px' }}>
    {apiLabel('securityCompliance', compliance)}
  </Tag>
);

export const FilingTag = ({ status, testId }: { status: FilingStatus; testId?: string }) => (
  <Tag color={FILING_COLOURS[status]} data-testid={testId}>
    {apiLabel('selfInspectionFilingStatus', status)}
  </Tag>
);

/** Grade and ownership in words, as the directory knows them. */
export const hospitalFacts = (h: { level: string | null; ownership: string | null }): string =>
  [h.level && apiLabel('hospitalLevel', h.level), h.ownership && apiLabel('hospitalOwnership', h.ownership)].filter(Boolean).join(' · ') ||
  '等级、性质未知';

/**
 * A return's due day counted down in days (a clock of days, not of minutes): blue, orange in its last quarter
 * (the rule warns at 75 % of the period), red once past 24:00 of the due day.
 */
export function DueCountdown({
  dueAt,
  setAt,
  done,
  testId = 'return-countdown',
}: {
  dueAt: string;
  setAt?: string;
  done?: boolean;
  testId?: string;
}) {
  const now = useNow(60_000);
  const due = new Date(dueAt).getTime();
  const left = due - now;
  const day = 86_400_000;
  let colour = 'blue';
  let text: string;
  if (done) {
    colour = 'default';
    text = `截止 ${beijing(dueAt).slice(0, 10)}`;
  } else if (left <= 0) {
    colour = 'red';
    text = `已逾期 ${Math.max(1, Math.floor(-left / day))} 天`;
  } else {
    if (setAt && now >= new Date(setAt).getTime() + 0.75 * (due - new Date(setAt).getTime())) colour = 'orange';
    const days = Math.floor(left / day);
    const hours = Math.floor((left % day) / 3_600_000);
    text = days > 0 ? `还剩 ${days} 天 ${hours} 小时` : `还剩 ${hours} 小时 ${Math.floor((left % 3_600_000) / 60_000)} 分`;
  }
  return (
    <Tooltip title={`截止 ${beijing(dueAt)}（北京时间）`}>
      <Tag color={colour} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {text}
      </Tag>
    </Tooltip>
  );
}

/** Each requirement of the hospital's region: its status and the figure behind it, in the API's words. */
export function Requirements({ requirements }: { requirements: Requirement[] }) {
  return (
    <List
      dataSource={requirements}
      locale={{ emptyText: '尚未填报安全台账，暂无评估' }}
      renderItem={(r) => (
        <List.Item data-testid={`requirement-${r.standardId}`} style={{ display: 'block' }}>
          <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
            <StatusTag status={r.status} />
            <Typography.Text strong>{apiLabel('securityRequirementKind', r.kind)}</Typography.Text>
            <Typography.Text type="secondary">{r.title}</Typography.Text>
          </Space>
          <div data-testid="figure">{r.figure}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            依据：{r.source}（{apiLabel('securityStandardScope', r.scope)}）
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** The counts by status, one line. */
export function Counts({ counts }: { counts: Record<RequirementStatus, number> | null }) {
  if (!counts) return null;
  return (
    <Space wrap>
      {(['not_met', 'unknown', 'met', 'not_applicable'] as const).map((s) => (
        <span key={s}>
          <StatusTag status={s} />
          {counts[s]} 项
        </span>
      ))}
    </Space>
  );
}

const yesNo = (value: boolean | null | undefined) => (value == null ? '未填报' : value ? '是' : '否');
const n = (value: number | null | undefined, unit: string) => (value == null ? '未填报' : `${value}${unit}`);

/** The profile as last filed, part by part; "未填报" where a part was left out (which the standards read as unknown). */
export function ProfileFacts({ profile }: { profile: SecurityProfile }) {
  const o = profile.policeOffice;
  const s = profile.screening;
  const a = profile.alarms;
  const v = profile.video;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
      <Descriptions.Item label="开放床位">{n(profile.openBeds, ' 张')}</Descriptions.Item>
      <Descriptions.Item label="在岗医务人员">{n(profile.onDutyMedicalStaff, ' 人')}</Descriptions.Item>
      <Descriptions.Item label="日均门诊量">{n(profile.dailyOutpatients, ' 人次')}</Descriptions.Item>
      <Descriptions.Item label="专职保卫干部">{n(profile.securityCadres, ' 人')}</Descriptions.Item>
      <Descriptions.Item label="保安员">{n(profile.guards, ' 人')}</Descriptions.Item>
      <Descriptions.Item label="持证上岗保安员">{n(profile.certifiedGuards, ' 人')}</Descriptions.Item>
      <Descriptions.Item label="警务室">
        {o == null
          ? '未填报'
          : o.present
            ? `设有；专职民警${o.fullTimeOfficers}、兼职民警${o.partTimeOfficers}、辅警${o.auxiliaries}、保安${o.guards}`
            : '未设'}
      </Descriptions.Item>
      <Descriptions.Item label="入院安检">
        {s == null
          ? '未填报'
          : `主要出入口${s.mainEntrances}个，已安检${s.screenedMainEntrances}个${
              s.equipment.length ? `；${s.equipment.map((e) => apiLabel('screeningEquipment', e)).join('、')}` : ''
            }`}
      </Descriptions.Item>
      <Descriptions.Item label="一键式报警">
        {a == null
          ? '未填报'
          : [
              `门卫室${yesNo(a.gate)}`,
              `科室${yesNo(a.departments)}`,
              `要害部位${yesNo(a.keyPlaces)}`,
              `联网监控中心${yesNo(a.networkedToMonitoringCentre)}`,
              `接入公安${yesNo(a.networkedToPolice)}`,
            ].join('，')}
      </Descriptions.Item>
      <Descriptions.Item label="视频监控">
        {v == null ? '未填报' : `重点区域全覆盖${yesNo(v.keyPlacesCovered)}，高清${yesNo(v.highDefinition)}，存储${v.retentionDays}天`}
      </Descriptions.Item>
      <Descriptions.Item label="应急预案">
        {profile.emergencyPlan == null
          ? '未填报'
          : profile.emergencyPlan.adopted
            ? `已制定${profile.emergencyPlan.revisedOn ? `，${profile.emergencyPlan.revisedOn} 修订` : ''}`
            : '未制定'}
      </Descriptions.Item>
      <Descriptions.Item label="应急演练">
        {profile.drills == null ? '未填报' : profile.drills.length ? profile.drills.join('、') : '无'}
      </Descriptions.Item>
      <Descriptions.Item label="近12个月安保培训">{n(profile.trainingSessions, ' 次')}</Descriptions.Item>
      <Descriptions.Item label="医疗责任保险">{yesNo(profile.liabilityInsurance)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The hospital's standing: compliance, counts and each requirement. */
export function Evaluation({ hospital }: { hospital: LedgerHospital }) {
  const { evaluation } = hospital;
  return (
    <Card
      title="达标情况"
      size="small"
      extra={<ComplianceTag compliance={evaluation.compliance} testId="compliance" />}
      styles={{ body: { paddingTop: 8 } }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {hospital.filed ? `第 ${hospital.revision} 版，${beijing(hospital.filedAt)} 填报；` : '尚未填报；'}按 {evaluation.asOf} 的标准评估
        </Typography.Text>
        <Counts counts={evaluation.counts} />
        <Requirements requirements={evaluation.requirements} />
      </Space>
    </Card>
  );
}

const ITEM_COLOURS: Record<ItemStatus, string> = { issued: 'blue', reported: 'gold', sent_back: 'red', signed_off: 'green' };

/** A rectification item's status in the API's words (待整改, 已报整改，待核验, 退回重改, 已销号). */
export const ItemStatusTag = ({ status }: { status: ItemStatus }) => (
  <Tag color={ITEM_COLOURS[status]} data-testid="item-status">
    {apiLabel('rectificationItemStatus', status)}
  </Tag>
);
