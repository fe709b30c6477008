import { Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDisputes } from '../shared/api/queries';
import type { DisputeSummary } from '../shared/api/views';
import { disputeStage } from '../shared/disputeStage';
import { apiLabel } from '../shared/labels';
import { ErrorState } from '../shared/states';
import { beijing } from '../shared/time';

/** 本院纠纷: the hospital's disputes (GET /disputes sees only its own), the newest first; each opens its case page. */
export default function DisputesPage() {
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const disputes = useDisputes(status === 'all' ? {} : { status });
  return (
    <Card
      title="本院纠纷"
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: 'open', label: apiLabel('caseStatus', 'open') },
            { value: 'closed', label: apiLabel('caseStatus', 'closed') },
            { value: 'all', label: '全部' },
          ]}
        />
      }
    >
      {disputes.isError ? (
        <ErrorState error={disputes.error} retry={() => void disputes.refetch()} />
      ) : (
        <Table<DisputeSummary>
          rowKey="disputeId"
          loading={disputes.isPending}
          dataSource={disputes.data ?? []}
          size="middle"
          scroll={{ x: 800 }}
          locale={{ emptyText: '暂无纠纷' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '案件编号',
              dataIndex: 'caseNumber',
              width: 210,
              render: (n: string) => <Link to={`/disputes/${n}`}>{n}</Link>,
            },
            { title: '受理时间', dataIndex: 'openedAt', width: 170, render: beijing },
            { title: '投诉事由', dataIndex: 'summary', ellipsis: true },
            { title: '来源', dataIndex: 'origin', width: 120, render: (o: string) => apiLabel('disputeOrigin', o) },
            {
              title: '阶段',
              key: 'stage',
              width: 200,
              render: (_: unknown, d) => (
                <>
                  <Tag color={d.status === 'open' ? 'blue' : 'default'}>{disputeStage(d)}</Tag>
                  {d.escalationRisk && <Tag color="red">矛盾激化风险</Tag>}
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
