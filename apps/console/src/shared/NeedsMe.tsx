import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useDeadlines, useIncidents, useOrganisationName } from './api/queries';
import type { IncidentSummary } from './api/views';
import { Clock } from './Clock';
import { runningClocksByCase } from './IncidentTable';
import { CATEGORY_LABELS, CLOCK_LABELS, label } from './labels';
import { ErrorState, Nothing } from './states';
import { beijing } from './time';

/** What waits for the user's organisation now: open incidents, the one whose clock runs out first on top. */
export function NeedsMe({ title = '待办事项' }: { title?: string }) {
  const incidents = useIncidents({ status: 'open' }, 3_000);
  const deadlines = useDeadlines(3_000);
  const orgName = useOrganisationName();
  const clocks = runningClocksByCase(deadlines.data);
  const firstDue = (i: IncidentSummary) => clocks.get(i.caseNumber)?.[0]?.dueAt ?? '9999';
  // Running clocks first; then a one-key alarm still to be described (only its hospital can), then the newest.
  const sorted = [...(incidents.data ?? [])].sort(
    (a, b) =>
      firstDue(a).localeCompare(firstDue(b)) ||
      Number(b.detailsPending) - Number(a.detailsPending) ||
      b.occurredAt.localeCompare(a.occurredAt),
  );
  return (
    <Card title={title}>
      {incidents.isError ? (
        <ErrorState error={incidents.error} retry={() => void incidents.refetch()} />
      ) : (
        <List<IncidentSummary>
          loading={incidents.isPending}
          dataSource={sorted}
          locale={{ emptyText: <Nothing>当前没有待处置的警情</Nothing> }}
          renderItem={(i) => (
            <List.Item
              key={i.caseNumber}
              data-testid={`needs-me-${i.caseNumber}`}
              actions={[
                <Link key="open" to={`/case/${i.caseNumber}`}>
                  <Button type="primary">{i.detailsPending ? '补录详情' : '办理'}</Button>
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {i.major && <Tag color="red">重大</Tag>}
                    {i.detailsPending && <Tag color="orange">一键报警待补录详情</Tag>}
                    <span>{i.categories.map((c) => label(CATEGORY_LABELS, c)).join('、') || '未定性'}</span>
                    <Typography.Text type="secondary">{i.caseNumber}</Typography.Text>
                  </Space>
                }
                description={
                  <Space direction="vertical" size={4}>
                    <span>
                      {orgName(i.hospitalId)} · 发生于 {beijing(i.occurredAt)}
                      {!i.dispatchedAt ? ' · 待出警' : !i.arrivedAt ? ' · 已出警，待到场' : ''}
                    </span>
                    <Space wrap>
                      {(clocks.get(i.caseNumber) ?? []).map((d) => (
                        <Clock key={d.deadlineId} label={label(CLOCK_LABELS, d.clock)} state={d.state} dueAt={d.dueAt} warnAt={d.warnAt} />
                      ))}
                    </Space>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
