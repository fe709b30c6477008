import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useOutletContext } from 'react-router';
import { messageOf } from '../shared/api/problem';
import type { Me } from '../shared/api/views';
import { apiLabel } from '../shared/labels';
import { ErrorState, Loading } from '../shared/states';
import { beijing } from '../shared/time';
import { useRegionLedger, type Compliance, type LedgerRow } from './api';
import { CommissionReturns } from './CommissionReturns';
import { saveDocument } from './download';
import { ComplianceTag, hospitalFacts, StatusTag } from './parts';

// ECharts in its own chunk, fetched with the page: the list does not wait for the chart.
const RegionChart = lazy(() => import('./RegionChart'));

const COMPLIANCES: Compliance[] = ['non_compliant', 'incomplete', 'not_filed', 'compliant'];

/** 导出台账: the ledger as shown (region and compliance filters) as 《医院安全秩序管理工作台账》 XLSX. */
function ExportButton({ region, compliance }: { region?: string; compliance?: Compliance }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    const query = new URLSearchParams({ ...(region && { region }), ...(compliance && { compliance }) }).toString();
    try {
      await saveDocument(`/security-ledger/ledger.xlsx${query ? `?${query}` : ''}`, `医院安全秩序管理工作台账-${region ?? '全辖区'}.xlsx`);
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} style={{ minHeight: 44 }}>
      导出台账
    </Button>
  );
}

/** 安全台账 of a health commission: every hospital of its region and below, "完成一家，销号一家". */
export default function LedgerPage() {
  const me = useOutletContext<Me>();
  const [region, setRegion] = useState<string | undefined>();
  const [compliance, setCompliance] = useState<Compliance | undefined>();
  // The whole region for the chart and the region choices; the filtered one for the list.
  const whole = useRegionLedger();
  const shown = useRegionLedger(region, compliance);
  if (whole.isPending) return <Loading />;
  if (whole.isError) return <ErrorState error={whole.error} retry={() => void whole.refetch()} />;
  const ledger = whole.data;
  const regions = [
    { value: ledger.regionCode, label: `${ledger.regionName}（全辖区）` },
    ...[...new Map(ledger.items.map((i) => [i.regionCode, i.regionName])).entries()]
      .filter(([code]) => code !== ledger.regionCode)
      .map(([value, label]) => ({ value, label })),
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={`安全台账 · ${ledger.regionName}`}
        extra={<Typography.Text type="secondary">{me.organisationName}</Typography.Text>}
      >
        <Row gutter={[12, 12]}>
          <Col xs={12} sm={6}>
            <Statistic title="医院" value={ledger.summary.hospitals} suffix="家" />
          </Col>
          {(['non_compliant', 'compliant', 'not_filed'] as const).map((c) => (
            <Col xs={12} sm={6} key={c}>
              <Statistic title={apiLabel('securityCompliance', c)} value={ledger.summary[c]} suffix="家" />
            </Col>
          ))}
        </Row>
        {ledger.regionRequirements.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>辖区整体要求</Typography.Text>
            {ledger.regionRequirements.map((r) => (
              <div key={r.standardId}>
                <StatusTag status={r.status} />
                {r.figure}
                <Typography.Text type="secondary">（{r.source}）</Typography.Text>
              </div>
            ))}
          </div>
        )}
      </Card>
      <Card size="small" title="按辖区统计">
        <Suspense fallback={<Loading />}>
          <RegionChart rows={ledger.items} />
        </Suspense>
      </Card>
      <Card size="small" title="医院台账" extra={<ExportButton region={region} compliance={compliance} />}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label="辖区"
            style={{ minWidth: 150 }}
            value={region ?? ledger.regionCode}
            options={regions}
            onChange={(value) => setRegion(value === ledger.regionCode ? undefined : value)}
          />
          <Select
            aria-label="达标情况"
            style={{ minWidth: 120 }}
            allowClear
            placeholder="全部达标情况"
            value={compliance}
            onChange={setCompliance}
            options={COMPLIANCES.map((value) => ({ value, label: apiLabel('securityCompliance', value) }))}
          />
        </Space>
        {shown.isError ? (
          <ErrorState error={shown.error} retry={() => void shown.refetch()} />
        ) : (
          <Table<LedgerRow>
            rowKey="hospitalId"
            size="small"
            loading={shown.isPending}
            dataSource={shown.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '没有符合条件的医院' }}
            onRow={(row) => ({ 'data-testid': `ledger-row-${row.hospitalId}` }) as React.HTMLAttributes<HTMLTableRowElement>}
            columns={[
              {
                title: '医院',
                key: 'name',
                render: (_, row) => (
                  <div>
                    <Link to={`/ledger/hospitals/${row.hospitalId}`}>{row.name}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {row.regionName} · {hospitalFacts(row)}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              { title: '达标情况', key: 'compliance', render: (_, row) => <ComplianceTag compliance={row.compliance} /> },
              {
                title: '未达标 / 待核实',
                key: 'gaps',
                render: (_, row) =>
                  row.gaps.length === 0 ? (
                    '—'
                  ) : (
                    <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>
                      {row.gaps.map((g) => (
                        <div key={g.standardId}>
                          <StatusTag status={g.status} />
                          {g.figure}
                        </div>
                      ))}
                    </div>
                  ),
              },
              { title: '填报时间', key: 'filedAt', render: (_, row) => (row.filedAt ? beijing(row.filedAt) : '未填报') },
              {
                title: '未销号整改',
                key: 'openItems',
                render: (_, row) => (
                  <span data-testid="open-items">
                    {row.openItems}
                    {row.overdueItems > 0 && (
                      <Tag color="red" style={{ marginLeft: 4 }}>
                        逾期 {row.overdueItems}
                      </Tag>
                    )}
                  </span>
                ),
              },
              { title: '逾期销号', key: 'lateItems', render: (_, row) => <span data-testid="late-items">{row.lateItems}</span> },
              { title: '最近检查', key: 'lastInspectionOn', render: (_, row) => row.lastInspectionOn ?? '未检查' },
            ]}
          />
        )}
      </Card>
      <CommissionReturns regions={regions} />
    </Space>
  );
}
