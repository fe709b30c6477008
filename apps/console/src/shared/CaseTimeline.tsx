import { Timeline, Typography } from 'antd';
import { useOrganisationName, useTimeline } from './api/queries';
import { CONTEXT_LABELS, EVENT_LABELS, ROLE_LABELS, label } from './labels';
import { ErrorState, Loading, Nothing } from './states';
import { beijing } from './time';

/** The case's history across agencies (oversight's timeline: only what the reader may see), oldest first. */
export function CaseTimeline({ caseNumber }: { caseNumber: string }) {
  const timeline = useTimeline(caseNumber);
  const orgName = useOrganisationName();
  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ErrorState error={timeline.error} retry={() => void timeline.refetch()} />;
  const entries = timeline.data.entries.filter((entry) => !entry.type.startsWith('IncidentClock'));
  if (entries.length === 0) return <Nothing>暂无记录（刚发生的事项几秒后出现）</Nothing>;
  return (
    <Timeline
      data-testid="case-timeline"
      items={entries.map((entry) => ({
        color: entry.type.includes('Breach') ? 'red' : entry.type.includes('Met') ? 'green' : 'blue',
        children: (
          <div>
            <Typography.Text strong>{label(EVENT_LABELS, entry.type)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {label(CONTEXT_LABELS, entry.context)}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {beijing(entry.occurredAt)} · {orgName(entry.actor.organisationId) === '—' ? '系统' : orgName(entry.actor.organisationId)}
                {ROLE_LABELS[entry.actor.role] ? ` · ${ROLE_LABELS[entry.actor.role]}` : ''}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
