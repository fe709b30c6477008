import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useOrganisationName } from './api/queries';
import type { Deadline, IncidentSummary } from './api/views';
import { Clock } from './Clock';
import { CATEGORY_LABELS, CHANNEL_LABELS, CLOCK_LABELS, OUTCOME_LABELS, label } from './labels';
import { beijing } from './time';

/** The running clocks of each case, by case number (the board's rows). */
export function runningClocksByCase(deadlines: Deadline[] | undefined): Map<string, Deadline[]> {
  const byCase = new Map<string, Deadline[]>();
  for (const d of deadlines ?? []) {
    if (d.state !== 'running' && d.state !== 'warned') continue;
    byCase.set(d.caseNumber, [...(byCase.get(d.caseNumber) ?? []), d]);
  }
  for (const list of byCase.values()) list.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return byCase;
}

export function IncidentTable({
  incidents,
  deadlines,
  loading,
}: {
  incidents: IncidentSummary[];
  deadlines?: Deadline[];
  loading?: boolean;
}) {
  const orgName = useOrganisationName();
  const clocks = runningClocksByCase(deadlines);
  return (
    <Table<IncidentSummary>
      rowKey="caseNumber"
      loading={loading}
      dataSource={incidents}
      size="middle"
      scroll={{ x: 900 }}
      locale={{ emptyText: '暂无警情' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '警情编号', dataIndex: 'caseNumber', render: (n: string) => <Link to={`/case/${n}`}>{n}</Link>, width: 190 },
        { title: '发生时间', dataIndex: 'occurredAt', render: beijing, width: 170 },
        { title: '医院', dataIndex: 'hospitalId', render: (id: string) => orgName(id) },
        {
          title: '类别',
          dataIndex: 'categories',
          render: (categories: IncidentSummary['categories'], row) => (
            <>
              {row.major && <Tag color="red">重大</Tag>}
              {categories.map((c) => (
                <Tag key={c}>{label(CATEGORY_LABELS, c)}</Tag>
              ))}
            </>
          ),
        },
        { title: '来源', dataIndex: 'channel', render: (c: string) => label(CHANNEL_LABELS, c), width: 100 },
        {
          title: '时限',
          key: 'clocks',
          render: (_: unknown, row) =>
            (clocks.get(row.caseNumber) ?? []).map((d) => (
              <Clock key={d.deadlineId} label={label(CLOCK_LABELS, d.clock)} state={d.state} dueAt={d.dueAt} warnAt={d.warnAt} />
            )),
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 130,
          render: (status: string, row) =>
            status === 'closed' ? (
              <Tag>已办结 · {label(OUTCOME_LABELS, row.outcome)}</Tag>
            ) : row.arrivedAt ? (
              <Tag color="blue">民警已到场</Tag>
            ) : row.dispatchedAt ? (
              <Tag color="gold">已出警</Tag>
            ) : (
              <Tag color="red">待出警</Tag>
            ),
        },
      ]}
    />
  );
}
