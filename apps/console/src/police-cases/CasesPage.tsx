import { Card, Grid, List, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useOutletContext } from 'react-router';
import { useDeadlines, useOrganisationName, usePoliceCases, type PoliceCaseFilter } from '../shared/api/queries';
import type { Deadline, Me, PoliceCaseSummary } from '../shared/api/views';
import { runningClocksByCase } from '../shared/IncidentTable';
import { apiLabel, ruleLabel } from '../shared/labels';
import { ErrorState } from '../shared/states';
import { beijing } from '../shared/time';
import { DayClock, isWorkingDayRule } from '../shared/DayClock';

/** The case's nearest running clock (soonest due), or a word that none runs. */
function NearestClock({ deadline }: { deadline: Deadline | undefined }) {
  if (!deadline) return <Typography.Text type="secondary">无进行中的时限</Typography.Text>;
  return (
    <DayClock
      label={ruleLabel(deadline.rule)}
      state={deadline.state}
      dueAt={deadline.dueAt}
      warnAt={deadline.warnAt}
      startedAt={deadline.startedAt}
      workingDays={isWorkingDayRule(deadline.rule)}
      testId={`nearest-clock-${deadline.caseNumber}`}
    />
  );
}

function Where({ row }: { row: PoliceCaseSummary }) {
  const orgName = useOrganisationName();
  return (
    <Space direction="vertical" size={0}>
      <span>{orgName(row.hospitalId)}</span>
      {/* A case opened from an incident keeps the incident's number (incidentId is its stream's id). */}
      {row.origin === 'incident' && (
        <Link to={`/case/${row.caseNumber}`} className="no-print">
          警情 {row.caseNumber}
        </Link>
      )}
    </Space>
  );
}

const Stage = ({ row }: { row: PoliceCaseSummary }) => (
  <Space size={4} wrap>
    <Tag color={row.status === 'accepted' || row.status === 'filed' ? 'blue' : 'default'}>{apiLabel('policeCaseStage', row.status)}</Tag>
    {row.underSupervision && <Tag color="red">挂牌督办</Tag>}
  </Space>
);

/** 我的案件: the police cases of the officer's unit (or its whole jurisdiction), each with its nearest clock. */
export default function CasesPage() {
  const me = useOutletContext<Me>();
  const [scope, setScope] = useState<'unit' | 'jurisdiction'>('unit');
  const filter: PoliceCaseFilter = scope === 'unit' ? { unit: me.organisationId } : {};
  const cases = usePoliceCases(filter);
  const deadlines = useDeadlines(15_000);
  const clocks = runningClocksByCase((deadlines.data ?? []).filter((d) => d.context === 'prosecution'));
  const phone = !Grid.useBreakpoint().md;
  const rows = cases.data ?? [];
  const nearest = (row: PoliceCaseSummary) => clocks.get(row.caseNumber)?.[0];

  return (
    <Card
      title="我的案件"
      extra={
        <Segmented
          value={scope}
          onChange={(v) => setScope(v as typeof scope)}
          options={[
            { value: 'unit', label: '本单位承办' },
            { value: 'jurisdiction', label: '辖区全部' },
          ]}
        />
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      {cases.isError ? (
        <ErrorState error={cases.error} retry={() => void cases.refetch()} />
      ) : phone ? (
        <List<PoliceCaseSummary>
          loading={cases.isPending}
          dataSource={rows}
          locale={{ emptyText: '暂无案件' }}
          renderItem={(row) => (
            <List.Item key={row.caseNumber} data-testid={`police-case-${row.caseNumber}`}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Link to={`/police-cases/${row.caseNumber}`} style={{ fontWeight: 600 }}>
                    {row.caseNumber}
                  </Link>
                  <Tag>{apiLabel('policeCaseKind', row.kind)}</Tag>
                  <Stage row={row} />
                </Space>
                <Where row={row} />
                <NearestClock deadline={nearest(row)} />
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<PoliceCaseSummary>
          rowKey="caseNumber"
          loading={cases.isPending}
          dataSource={rows}
          size="middle"
          locale={{ emptyText: '暂无案件' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(row) => ({ 'data-testid': `police-case-${row.caseNumber}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '案件编号',
              dataIndex: 'caseNumber',
              width: 200,
              render: (n: string) => <Link to={`/police-cases/${n}`}>{n}</Link>,
            },
            { title: '类型', dataIndex: 'kind', width: 100, render: (k: string) => apiLabel('policeCaseKind', k) },
            { title: '阶段', key: 'stage', width: 150, render: (_: unknown, row) => <Stage row={row} /> },
            { title: '医院 / 警情', key: 'where', render: (_: unknown, row) => <Where row={row} /> },
            { title: '受案时间', dataIndex: 'acceptedAt', width: 170, render: beijing },
            { title: '嫌疑人', dataIndex: 'suspectCount', width: 80 },
            { title: '最近时限', key: 'clock', render: (_: unknown, row) => <NearestClock deadline={nearest(row)} /> },
          ]}
        />
      )}
    </Card>
  );
}
