import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from './ActionButton';
import { apiLabel } from '../shared/labels';
import { ErrorState } from '../shared/states';
import { fromBeijingInput, toBeijingInput } from '../shared/time';
import { useHospitalInspections, useRecordInspection, type RecordInspectionBody, type RequirementKind } from './inspectionsApi';

// Compile-checked against the API's enum: a kind added to the standards fails here until it is offered.
const KINDS = Object.keys({
  guards: 1,
  guards_certified: 1,
  screening: 1,
  police_office: 1,
  police_office_staffing: 1,
  one_key_alarm: 1,
  alarm_to_police: 1,
  video_coverage: 1,
  video_retention: 1,
  drills: 1,
} satisfies Record<RequirementKind, 1>) as RequirementKind[];
export const REQUIREMENT_OPTIONS = KINDS.map((value) => ({ value, label: apiLabel('securityRequirementKind', value) }));

interface Values {
  kind: RecordInspectionBody['kind'];
  inspectedAt: string;
  findings: { requirement?: RequirementKind; note?: string }[];
}

/** 记录检查: kind, when, and what was found against which requirement (it may find nothing). */
function RecordInspectionButton({ hospitalId }: { hospitalId: string }) {
  const record = useRecordInspection();
  const navigate = useNavigate();
  return (
    <ActionButton<Values>
      label="记录检查"
      title="记录检查 / 督导"
      okText="保存"
      done="检查已记录"
      button={{ type: 'primary', icon: <PlusOutlined /> }}
      initialValues={{ kind: 'inspection', inspectedAt: toBeijingInput(new Date()), findings: [{}] }}
      submit={async (v) => {
        const result = await record.mutateAsync({
          hospitalId,
          kind: v.kind,
          inspectedAt: fromBeijingInput(v.inspectedAt),
          findings: (v.findings ?? []).map((f) => ({ requirement: f.requirement!, note: f.note ?? '' })),
        });
        navigate(`/ledger/inspections/${result.inspectionId}`);
      }}
    >
      <Form.Item name="kind" label="类型">
        <Radio.Group
          optionType="button"
          options={(['inspection', 'supervision'] as const).map((value) => ({ value, label: apiLabel('inspectionKind', value) }))}
        />
      </Form.Item>
      <Form.Item name="inspectedAt" label="检查时间（北京时间）">
        <Input type="datetime-local" size="large" />
      </Form.Item>
      <Typography.Text strong>发现的问题</Typography.Text>
      <Form.List name="findings">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginTop: 8 }}
                title={`问题 ${i + 1}`}
                data-testid={`finding-${i}`}
                extra={
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除问题 ${i + 1}`} onClick={() => remove(f.name)} />
                }
              >
                <Form.Item name={[f.name, 'requirement']} label="所涉要求" rules={[{ required: true, message: '请选择所涉要求' }]}>
                  <Select size="large" options={REQUIREMENT_OPTIONS} placeholder="选择要求" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'note']}
                  label="问题描述"
                  style={{ marginBottom: 0 }}
                  rules={[{ required: true, message: '请填写问题描述' }]}
                >
                  <Input.TextArea rows={2} maxLength={2000} placeholder="如：夜间门诊仅1名保安在岗" />
                </Form.Item>
              </Card>
            ))}
            <Button block icon={<PlusOutlined />} style={{ marginTop: 8, minHeight: 44 }} onClick={() => add({})}>
              添加问题
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
              未发现问题可不添加，检查仍计为最近一次检查。
            </Typography.Paragraph>
          </>
        )}
      </Form.List>
    </ActionButton>
  );
}

/** The hospital's inspections, the latest first, each with its items counted; 记录检查 for the inspecting side. */
export function HospitalInspections({ hospitalId }: { hospitalId: string }) {
  const inspections = useHospitalInspections(hospitalId);
  return (
    <Card size="small" title="检查督导与整改" extra={<RecordInspectionButton hospitalId={hospitalId} />} data-testid="hospital-inspections">
      {inspections.isError ? (
        <ErrorState error={inspections.error} retry={() => void inspections.refetch()} />
      ) : (
        <List
          loading={inspections.isPending}
          dataSource={inspections.data?.inspections ?? []}
          locale={{ emptyText: '暂无检查记录' }}
          renderItem={(i) => (
            <List.Item style={{ display: 'block' }} data-testid={`inspection-${i.inspectionId}`}>
              <Space wrap size={[8, 4]}>
                <Link to={`/ledger/inspections/${i.inspectionId}`}>
                  {i.inspectedOn} {apiLabel('inspectionKind', i.kind)}
                </Link>
                <Typography.Text type="secondary">
                  发现问题 {i.findings} 项 · 整改 {i.items.total} 项
                </Typography.Text>
                {i.items.open > 0 && <Tag color="blue">未销号 {i.items.open}</Tag>}
                {i.items.overdue > 0 && <Tag color="red">逾期 {i.items.overdue}</Tag>}
                {i.items.late > 0 && <Tag color="orange">逾期销号 {i.items.late}</Tag>}
                {i.items.total > 0 && i.items.open === 0 && <Tag color="green">全部销号</Tag>}
                {i.circulars > 0 && <Tag>通报 {i.circulars}</Tag>}
                {i.interviews > 0 && <Tag>约谈 {i.interviews}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
