import { Breadcrumb, Card, Descriptions, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { apiLabel } from '../shared/labels';
import { ErrorState, Loading } from '../shared/states';
import { beijing } from '../shared/time';
import { useReturn, type FilingStatus, type ReturnHospital } from './api';
import { DueCountdown, FilingTag } from './parts';

const STATUSES: FilingStatus[] = ['on_time', 'late', 'missing', 'pending'];

/** One self-inspection return: each hospital's filing (按时 / 逾期 / 逾期未报 / 待填报), the due day counting down. */
export default function ReturnPage() {
  const { returnId = '' } = useParams();
  const ret = useReturn(returnId);
  if (ret.isPending) return <Loading />;
  if (ret.isError) return <ErrorState error={ret.error} retry={() => void ret.refetch()} />;
  const r = ret.data;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 1100 }}>
      <Breadcrumb items={[{ title: <Link to="/ledger">安全台账</Link> }, { title: '自查填报' }]} />
      <Card size="small" title={r.title} extra={<DueCountdown dueAt={r.dueAt} setAt={r.setAt} done={r.counts.pending === 0} />}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label="范围">{r.regionName}</Descriptions.Item>
          <Descriptions.Item label="基准日">{r.asOf}</Descriptions.Item>
          <Descriptions.Item label="截止">{r.dueOn} 24:00</Descriptions.Item>
          <Descriptions.Item label="发布">{beijing(r.setAt)}</Descriptions.Item>
        </Descriptions>
        <Space wrap>
          <Typography.Text>{r.counts.hospitals} 家医院：</Typography.Text>
          {STATUSES.map((s) => (
            <span key={s}>
              <FilingTag status={s} />
              {r.counts[s]}
            </span>
          ))}
        </Space>
      </Card>
      <Card size="small" title="各医院填报情况">
        <Table<ReturnHospital>
          rowKey="hospitalId"
          size="small"
          dataSource={r.hospitals}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ 'data-testid': `return-row-${row.hospitalId}` }) as React.HTMLAttributes<HTMLTableRowElement>}
          columns={[
            {
              title: '医院',
              key: 'name',
              render: (_, row) => <Link to={`/ledger/hospitals/${row.hospitalId}`}>{row.name}</Link>,
            },
            { title: '辖区', dataIndex: 'regionName' },
            {
              title: '填报情况',
              key: 'status',
              filters: STATUSES.map((value) => ({ value, text: apiLabel('selfInspectionFilingStatus', value) })),
              onFilter: (value, row) => row.status === value,
              render: (_, row) => <FilingTag status={row.status} testId="filing-status" />,
            },
            {
              title: '提交',
              key: 'filedAt',
              render: (_, row) => (row.filedAt ? `${beijing(row.filedAt)}（台账第 ${row.profileRevision} 版）` : '—'),
            },
            {
              title: '佐证材料',
              key: 'evidence',
              render: (_, row) => (row.evidence.length ? row.evidence.join('、') : '—'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
