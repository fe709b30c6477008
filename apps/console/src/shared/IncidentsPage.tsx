import { Card, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useDeadlines, useIncidents, type IncidentFilter } from './api/queries';
import { IncidentTable } from './IncidentTable';
import { ErrorState } from './states';

/** Every incident the caller may see (本院警情 for a hospital, 辖区警情 for police), filtered by status. */
export function IncidentsPage({ title = '本院警情' }: { title?: string }) {
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const filter: IncidentFilter = status === 'all' ? {} : { status };
  const incidents = useIncidents(filter, 10_000);
  const deadlines = useDeadlines(10_000);
  return (
    <Card
      title={title}
      extra={
        <Space>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { value: 'open', label: '处置中' },
              { value: 'closed', label: '已办结' },
              { value: 'all', label: '全部' },
            ]}
          />
        </Space>
      }
    >
      {incidents.isError ? (
        <ErrorState error={incidents.error} retry={() => void incidents.refetch()} />
      ) : (
        <IncidentTable incidents={incidents.data ?? []} deadlines={deadlines.data} loading={incidents.isPending} />
      )}
    </Card>
  );
}
