import { EditOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useOutletContext } from 'react-router';
import type { Me } from '../shared/api/views';
import { ErrorState, Loading } from '../shared/states';
import { useLedgerHospital } from './api';
import { HospitalRectification } from './HospitalRectification';
import { HospitalReturns } from './HospitalReturns';
import { ProfileForm } from './ProfileForm';
import { ComplianceTag, Evaluation, hospitalFacts, ProfileFacts } from './parts';

/** 安全台账 of the hospital's security office: its own profile (view, edit), where it stands, its rectification items and its returns. */
export default function SecurityProfilePage() {
  const me = useOutletContext<Me>();
  const hospital = useLedgerHospital(me.organisationId);
  const [editing, setEditing] = useState(false);
  if (hospital.isPending) return <Loading />;
  if (hospital.isError) return <ErrorState error={hospital.error} retry={() => void hospital.refetch()} />;
  const h = hospital.data;
  const edit = editing || !h.filed;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 960 }}>
      <Card
        size="small"
        title={
          <span>
            <SafetyOutlined style={{ color: '#1677ff', marginRight: 8 }} />
            安全台账
          </span>
        }
        extra={<ComplianceTag compliance={h.evaluation.compliance} />}
      >
        <Typography.Text strong>{h.name}</Typography.Text>
        <div>
          <Typography.Text type="secondary">
            {h.regionName} · {hospitalFacts(h)}（以单位名录为准）
          </Typography.Text>
        </div>
      </Card>
      {edit ? (
        <Card size="small" title={h.filed ? `修改台账（当前第 ${h.revision} 版）` : '填报安全台账'}>
          <Typography.Paragraph type="secondary">
            每次保存为完整台账；未开启“填报”的部分记为未填报，相应标准显示“待核实”。
          </Typography.Paragraph>
          <ProfileForm hospitalId={h.hospitalId} profile={h.profile} onDone={() => setEditing(false)} />
        </Card>
      ) : (
        <>
          <Evaluation hospital={h} />
          <Card
            size="small"
            title="台账内容"
            extra={
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} style={{ minHeight: 44 }}>
                修改台账
              </Button>
            }
          >
            <ProfileFacts profile={h.profile!} />
          </Card>
        </>
      )}
      <HospitalRectification hospitalId={h.hospitalId} />
      <HospitalReturns revision={h.revision} />
    </Space>
  );
}
