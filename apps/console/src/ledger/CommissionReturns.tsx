import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiProblem, messageOf } from '../shared/api/problem';
import { showFieldErrors } from '../shared/formErrors';
import { apiLabel } from '../shared/labels';
import { beijingDaysFromToday, beijingToday } from '../shared/time';
import { useReturns, useSetReturn } from './api';
import { DueCountdown } from './parts';

interface Values {
  title: string;
  asOf: string;
  dueOn: string;
  region: string;
}

const FIELDS: Record<string, keyof Values> = { title: 'title', asOf: 'asOf', dueOn: 'dueOn', region: 'region', regionCode: 'region' };

/** 发布自查任务: title, as-of day, due day (24:00 of it), for the commission's region or one below it. */
function SetReturnButton({ regions }: { regions: { value: string; label: string }[] }) {
  const set = useSetReturn();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string[]>([]);
  const submit = async (v: Values) => {
    setProblem([]);
    try {
      const result = await set.mutateAsync({ title: v.title, asOf: v.asOf, dueOn: v.dueOn, region: v.region });
      message.success(`已发布，${result.hospitals} 家医院须于截止日前填报`);
      setOpen(false);
      navigate(`/ledger/returns/${result.returnId}`);
    } catch (error) {
      const unplaced = showFieldErrors(form, error, (f) => FIELDS[f]);
      const allBesideTheirFields = error instanceof ApiProblem && error.errors.length > 0 && unplaced.length === 0;
      setProblem(allBesideTheirFields ? [] : [messageOf(error), ...unplaced]);
    }
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ minHeight: 44 }}>
        发布自查任务
      </Button>
      <Modal
        open={open}
        title="发布自查填报任务"
        okText="发布"
        cancelText="取消"
        onOk={() => form.submit()}
        confirmLoading={set.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ title: '', asOf: beijingToday(), dueOn: beijingDaysFromToday(14), region: regions[0]?.value }}
        >
          <Form.Item name="title" label="任务标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
            <Input size="large" placeholder="如：2026年第四季度医院安全秩序自查" maxLength={200} />
          </Form.Item>
          <Form.Item name="region" label="填报范围">
            <Select size="large" options={regions} />
          </Form.Item>
          <Form.Item name="asOf" label="填报基准日（按该日情况填报）">
            <Input type="date" size="large" />
          </Form.Item>
          <Form.Item name="dueOn" label="截止日（当日24:00前）" extra="逾期未报的医院将自动督办至本单位">
            <Input type="date" size="large" />
          </Form.Item>
          {problem.length > 0 && <Alert type="error" showIcon message="发布失败" description={problem.join('；')} />}
        </Form>
      </Modal>
    </>
  );
}

/** The returns of the commission's region: each with its due day counting down and how many hospitals filed. */
export function CommissionReturns({ regions }: { regions: { value: string; label: string }[] }) {
  const { returns, isPending, error } = useReturns();
  return (
    <Card title="自查填报" size="small" extra={<SetReturnButton regions={regions} />} data-testid="commission-returns">
      {error ? (
        <Alert type="error" showIcon message={messageOf(error)} />
      ) : (
        <List
          loading={isPending}
          dataSource={returns}
          locale={{ emptyText: '尚未发布自查填报任务' }}
          renderItem={(ret) => (
            <List.Item style={{ display: 'block' }}>
              <Space direction="vertical" size={4}>
                <Link to={`/ledger/returns/${ret.returnId}`}>{ret.title}</Link>
                <Space wrap>
                  <DueCountdown dueAt={ret.dueAt} setAt={ret.setAt} done={ret.counts.pending === 0} />
                  <Typography.Text type="secondary">
                    {ret.regionName} · {ret.counts.hospitals} 家：
                    {(['on_time', 'late', 'missing', 'pending'] as const)
                      .filter((s) => ret.counts[s] > 0)
                      .map((s) => `${apiLabel('selfInspectionFilingStatus', s)} ${ret.counts[s]}`)
                      .join('，')}
                  </Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
