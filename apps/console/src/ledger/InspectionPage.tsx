import { Breadcrumb, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { apiLabel } from '../shared/labels';
import { ErrorState, Loading } from '../shared/states';
import { beijing, beijingDaysFromToday, beijingToday, fromBeijingInput, toBeijingInput } from '../shared/time';
import { ActionButton } from './ActionButton';
import {
  useCircular,
  useInspection,
  useInterview,
  useIssueItem,
  useSendBack,
  useSignOff,
  type Inspection,
  type RectificationItem,
} from './inspectionsApi';
import { DueCountdown, ItemStatusTag } from './parts';

/** An item's reports and send-backs, oldest first, as the hospital and the inspector wrote them. */
export function ItemHistory({ item }: { item: RectificationItem }) {
  const entries = [
    ...item.reports.map((r) => ({
      at: r.reportedAt,
      text: `报告整改：${r.note}${r.evidence.length ? `（佐证：${r.evidence.join('、')}）` : ''}`,
    })),
    ...item.sentBack.map((s) => ({ at: s.sentBackAt, text: `退回：${s.reason}` })),
    ...(item.signedOffAt ? [{ at: item.signedOffAt, text: item.onTime ? '已按期销号' : '已销号（逾期）' }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) return null;
  return (
    <div style={{ marginTop: 4 }} data-testid="item-history">
      {entries.map((e) => (
        <div key={e.at + e.text} style={{ fontSize: 13 }}>
          <Typography.Text type="secondary">{beijing(e.at)}</Typography.Text> {e.text}
        </div>
      ))}
    </div>
  );
}

/** The item in one line: status, its due day counting down (until signed off), who answers for it. */
export function ItemSummary({ item }: { item: RectificationItem }) {
  return (
    <Space wrap size={[8, 4]}>
      <ItemStatusTag status={item.status} />
      <DueCountdown dueAt={item.dueAt} setAt={item.issuedAt} done={item.status === 'signed_off'} testId="item-countdown" />
      {item.onTime === false && <Tag color="orange">逾期销号</Tag>}
      <Typography.Text type="secondary">
        责任人：{item.responsible.name}（{item.responsible.role}）
      </Typography.Text>
    </Space>
  );
}

function ItemActions({ inspectionId, item }: { inspectionId: string; item: RectificationItem }) {
  const signOff = useSignOff();
  const sendBack = useSendBack();
  if (item.status !== 'reported') return null;
  const path = { inspectionId, itemId: item.itemId };
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <ActionButton<{ note?: string }>
        label="销号"
        title={`销号：整改事项 ${item.itemId}`}
        done="已销号"
        button={{ type: 'primary' }}
        submit={(v) => signOff.mutateAsync({ ...path, note: v.note?.trim() || undefined })}
      >
        <Form.Item name="note" label="核验意见（可不填）">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </ActionButton>
      <ActionButton<{ reason: string }>
        label="退回"
        title={`退回重改：整改事项 ${item.itemId}`}
        done="已退回"
        button={{ danger: true }}
        submit={(v) => sendBack.mutateAsync({ ...path, reason: v.reason ?? '' })}
      >
        <Form.Item name="reason" label="退回理由">
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：未见新增保安的上岗证明" />
        </Form.Item>
      </ActionButton>
    </Space>
  );
}

function Findings({ inspection }: { inspection: Inspection }) {
  const issue = useIssueItem(inspection.inspectionId);
  const items = new Map(inspection.items.map((i) => [i.findingId, i]));
  return (
    <Card size="small" title="发现问题与整改">
      <List
        dataSource={inspection.findings}
        locale={{ emptyText: '本次未发现问题' }}
        renderItem={(f) => {
          const item = items.get(f.findingId);
          return (
            <List.Item style={{ display: 'block' }} data-testid={`finding-${f.findingId}`}>
              <div>
                <Typography.Text strong>
                  {f.findingId}. {apiLabel('securityRequirementKind', f.requirement)}
                </Typography.Text>
                ：{f.note}
              </div>
              {item ? (
                <div style={{ marginTop: 4 }}>
                  <ItemSummary item={item} />
                  <ItemHistory item={item} />
                  <ItemActions inspectionId={inspection.inspectionId} item={item} />
                </div>
              ) : (
                <div style={{ marginTop: 8 }}>
                  <ActionButton<{ name: string; role: string; dueOn: string }>
                    label="下发整改"
                    title={`下发整改：问题 ${f.findingId}`}
                    okText="下发"
                    done="整改事项已下发"
                    initialValues={{ dueOn: beijingDaysFromToday(30) }}
                    fieldOf={(field) => ({ 'responsible.name': 'name', 'responsible.role': 'role', dueOn: 'dueOn' })[field]}
                    submit={(v) =>
                      issue.mutateAsync({ findingId: f.findingId, responsible: { name: v.name ?? '', role: v.role ?? '' }, dueOn: v.dueOn })
                    }
                  >
                    <Form.Item name="name" label="整改责任人">
                      <Input size="large" maxLength={100} />
                    </Form.Item>
                    <Form.Item name="role" label="职务">
                      <Input size="large" maxLength={100} placeholder="如：保卫科科长" />
                    </Form.Item>
                    <Form.Item name="dueOn" label="整改期限（当日24:00前）" extra="逾期未销号的将自动督办至本单位">
                      <Input type="date" size="large" min={beijingToday()} />
                    </Form.Item>
                  </ActionButton>
                </div>
              )}
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** 通报 and 约谈 recorded on the inspection, and the buttons to add one. */
function Supervision({ inspection }: { inspection: Inspection }) {
  const circular = useCircular(inspection.inspectionId);
  const interview = useInterview(inspection.inspectionId);
  return (
    <>
      <Card
        size="small"
        title="通报"
        data-testid="circulars"
        extra={
          <ActionButton<{ text: string }>
            label="发布通报"
            title="发布通报"
            okText="发布"
            done="已通报"
            submit={(v) => circular.mutateAsync({ text: v.text ?? '' })}
          >
            <Form.Item name="text" label="通报内容">
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
          </ActionButton>
        }
      >
        <List
          dataSource={inspection.circulars}
          locale={{ emptyText: '暂无通报' }}
          renderItem={(c) => (
            <List.Item style={{ display: 'block' }}>
              <Typography.Text type="secondary">{beijing(c.issuedAt)}</Typography.Text>
              <div>{c.text}</div>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title="约谈"
        data-testid="interviews"
        extra={
          <ActionButton<{ heldAt: string; interviewee: string; summary: string }>
            label="记录约谈"
            title="记录约谈"
            okText="保存"
            done="约谈已记录"
            initialValues={{ heldAt: toBeijingInput(new Date()) }}
            submit={(v) =>
              interview.mutateAsync({ heldAt: fromBeijingInput(v.heldAt), interviewee: v.interviewee ?? '', summary: v.summary ?? '' })
            }
          >
            <Form.Item name="heldAt" label="约谈时间（北京时间）">
              <Input type="datetime-local" size="large" />
            </Form.Item>
            <Form.Item name="interviewee" label="约谈对象（姓名、职务）">
              <Input size="large" maxLength={200} />
            </Form.Item>
            <Form.Item name="summary" label="约谈内容">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </ActionButton>
        }
      >
        <List
          dataSource={inspection.interviews}
          locale={{ emptyText: '暂无约谈' }}
          renderItem={(i) => (
            <List.Item style={{ display: 'block' }}>
              <Typography.Text type="secondary">{beijing(i.heldAt)}</Typography.Text> {i.interviewee}
              <div>{i.summary}</div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

/** One inspection of a hospital: its findings, each one's rectification item to sign-off (销号), 通报 and 约谈. */
export default function InspectionPage() {
  const { inspectionId = '' } = useParams();
  const query = useInspection(inspectionId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const i = query.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 1100 }}>
      <Breadcrumb
        items={[
          { title: <Link to="/ledger">安全台账</Link> },
          { title: <Link to={`/ledger/hospitals/${i.hospitalId}`}>{i.hospitalName}</Link> },
          { title: `${i.inspectedOn} ${apiLabel('inspectionKind', i.kind)}` },
        ]}
      />
      <Card size="small" title={`${i.hospitalName} · ${apiLabel('inspectionKind', i.kind)}`}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="检查时间">{beijing(i.inspectedAt)}</Descriptions.Item>
          <Descriptions.Item label="检查单位">{i.inspector.name}</Descriptions.Item>
          <Descriptions.Item label="整改事项">
            <span data-testid="inspection-counts">
              共 {i.counts.items} 项，未销号 {i.counts.open}，逾期 {i.counts.overdue}，已销号 {i.counts.signedOff}（逾期销号 {i.counts.late}
              ）
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Findings inspection={i} />
      <Supervision inspection={i} />
    </Space>
  );
}
