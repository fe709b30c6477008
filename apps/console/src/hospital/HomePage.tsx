import { AlertOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link } from 'react-router';
import { NeedsMe } from '../shared/NeedsMe';

/** 保卫处工作台: report first (one tap), then what waits: open incidents by the clock that runs out first. */
export default function HospitalHomePage() {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/hospital/report">
        <Button type="primary" danger size="large" icon={<AlertOutlined />} style={{ minHeight: 56, fontSize: 18 }} block>
          上报警情
        </Button>
      </Link>
      <NeedsMe title="本院待处置警情" />
    </Space>
  );
}
