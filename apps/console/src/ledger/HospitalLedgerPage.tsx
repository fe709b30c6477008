import { Breadcrumb, Card, List, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../shared/states';
import { beijing } from '../shared/time';
import { useLedgerHospital, useReturns } from './api';
import { HospitalInspections } from './HospitalInspections';
import { ComplianceTag, DueCountdown, Evaluation, FilingTag, hospitalFacts, ProfileFacts } from './parts';

/** One hospital of the commission's ledger: where it stands, its profile as filed, its self-inspection returns, and its inspections. */
export default function HospitalLedgerPage() {
  const { hospitalId = '' } = useParams();
  const hospital = useLedgerHospital(hospitalId);
  const { returns, isPending } = useReturns(hospitalId);
  if (hospital.isPending) return <Loading />;
  if (hospital.isError) return <ErrorState error={hospital.error} retry={() => void hospital.refetch()} />;
  const h = hospital.data;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 1100 }}>
      <Breadcrumb items={[{ title: <Link to="/ledger">安全台账</Link> }, { title: h.name }]} />
      <Card size="small" title={h.name} extra={<ComplianceTag compliance={h.evaluation.compliance} testId="compliance" />}>
        <Typography.Text type="secondary">
          {h.regionName} · {hospitalFacts(h)}
        </Typography.Text>
      </Card>
      <Evaluation hospital={h} />
      <Card size="small" title="台账内容">
        {h.profile ? <ProfileFacts profile={h.profile} /> : <Typography.Text type="secondary">该院尚未填报安全台账</Typography.Text>}
      </Card>
      <Card size="small" title="自查填报" data-testid="hospital-page-returns">
        <List
          loading={isPending}
          dataSource={returns}
          locale={{ emptyText: '暂无自查填报任务' }}
          renderItem={(ret) => {
            const row = ret.hospitals.find((r) => r.hospitalId === hospitalId);
            return (
              <List.Item style={{ display: 'block' }}>
                <Space wrap>
                  <Link to={`/ledger/returns/${ret.returnId}`}>{ret.title}</Link>
                  {row && <FilingTag status={row.status} />}
                  {row?.filedAt ? (
                    <Typography.Text type="secondary">{beijing(row.filedAt)} 提交</Typography.Text>
                  ) : (
                    <DueCountdown dueAt={ret.dueAt} setAt={ret.setAt} />
                  )}
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      <HospitalInspections hospitalId={hospitalId} />
    </Space>
  );
}
