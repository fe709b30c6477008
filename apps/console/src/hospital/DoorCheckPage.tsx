import { SafetyCertificateOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiProblem, messageOf } from '../shared/api/problem';
import { useDoorCheck } from '../shared/api/queries';
import type { DoorCheckAnswer, HighRiskAdvice } from '../shared/api/views';
import { showFieldErrors } from '../shared/formErrors';
import { HIGH_RISK_ADVICE_LABELS, HIGH_RISK_CATEGORY_LABELS } from '../shared/labels';
import { beijing } from '../shared/time';

// What each piece of advice asks of the person at the door, in order of what to do first.
const WHAT_TO_DO: Record<HighRiskAdvice, string> = {
  notify_police: '辖区派出所和医院警务室已自动收到预警；情况紧急立即拨打 110',
  security_escort: '安排保卫人员全程陪同就诊（陪诊），不要让其单独进入诊室',
  remind_staff: '提醒接诊科室的医务人员提高警惕，注意沟通方式',
};
const ORDER: HighRiskAdvice[] = ['notify_police', 'security_escort', 'remind_staff'];

// GB 11643: 17 digits and a check character (0–9 or X). The server checks the checksum and the birth date.
const ID_SHAPE = /^\d{17}[\dXx]$/;

interface Checked {
  answer: DoorCheckAnswer;
  at: string;
}

/**
 * 门岗核查 (hospital security office, at real-name appointment or at the door): the ID number in, and out only
 * whether there is a warning and what to do. The API answers no name, no person id, nothing the hospital did not
 * send; the number is cleared from the screen once checked. Phone first: one field, one big button.
 */
export default function DoorCheckPage() {
  const [form] = Form.useForm<{ idNumber: string }>();
  const check = useDoorCheck();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = ({ idNumber }: { idNumber: string }) => {
    setProblem(null);
    setChecked(null);
    check.mutate(idNumber.trim().toUpperCase(), {
      onSuccess: (answer) => {
        setChecked({ answer, at: new Date().toISOString() });
        form.resetFields();
      },
      onError: (error) => {
        // A bad checksum or birth date is the field's problem (HIGH_RISK.INVALID_ID_NUMBER), as is any validation error.
        if (error instanceof ApiProblem && error.code === 'HIGH_RISK.INVALID_ID_NUMBER')
          form.setFields([{ name: 'idNumber', errors: ['身份证号码无效：请核对出生日期和最后一位校验码'] }]);
        else {
          const unplaced = showFieldErrors(form, error, (field) => (field === 'idNumber' ? 'idNumber' : undefined));
          if (!(error instanceof ApiProblem) || error.errors.length === 0 || unplaced.length > 0) setProblem(messageOf(error));
        }
      },
    });
  };

  const warning = checked?.answer.match ? checked.answer.warning : undefined;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="door-check">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <SafetyCertificateOutlined /> 门岗核查
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        输入就诊人员的身份证号码，核查是否为在册的高风险就诊人员。每次核查均留痕备查，仅用于就诊安全。
      </Typography.Paragraph>
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="idNumber"
            label="身份证号码"
            rules={[
              { required: true, message: '请输入身份证号码' },
              { pattern: ID_SHAPE, message: '应为 18 位：前 17 位数字，最后一位数字或 X' },
            ]}
          >
            <Input
              size="large"
              inputMode="text"
              autoComplete="off"
              maxLength={18}
              allowClear
              placeholder="18 位身份证号码"
              style={{ fontSize: 18, letterSpacing: 1, height: 48 }}
            />
          </Form.Item>
          {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={check.isPending} style={{ height: 52, fontSize: 18 }}>
            核查
          </Button>
        </Form>
      </Card>

      {checked && !checked.answer.match && (
        <Card style={{ marginTop: 16 }} data-testid="door-check-result" data-match="false">
          <Result
            status="success"
            title="未发现预警"
            subTitle={`核查时间 ${beijing(checked.at)}（北京时间）。按常规接诊。`}
            style={{ padding: '16px 0' }}
          />
        </Card>
      )}
      {warning && (
        <Card
          style={{ marginTop: 16, borderColor: '#ff4d4f', borderWidth: 2 }}
          styles={{ body: { padding: 16 } }}
          data-testid="door-check-result"
          data-match="true"
        >
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={3} type="danger" style={{ margin: 0 }}>
              <WarningFilled /> 高风险就诊人员预警
            </Typography.Title>
            <div>
              <Typography.Text type="secondary">预警类别：</Typography.Text>
              <Space wrap size={[4, 8]}>
                {warning.categories.map((c) => (
                  <Tag color="red" key={c} style={{ fontSize: 14, padding: '2px 8px', whiteSpace: 'normal' }}>
                    {HIGH_RISK_CATEGORY_LABELS[c] ?? c}
                  </Tag>
                ))}
              </Space>
            </div>
            <div>
              <Typography.Text strong style={{ fontSize: 16 }}>
                请立即：
              </Typography.Text>
              <ol style={{ paddingLeft: 20, margin: '8px 0 0', fontSize: 16, lineHeight: 1.7 }} data-testid="door-check-advice">
                {ORDER.filter((a) => warning.advice.includes(a)).map((a) => (
                  <li key={a}>
                    <Typography.Text strong>{HIGH_RISK_ADVICE_LABELS[a]}</Typography.Text>：{WHAT_TO_DO[a]}
                  </li>
                ))}
              </ol>
            </div>
            <Typography.Text type="secondary">
              核查时间 {beijing(checked!.at)}（北京时间）。系统不显示其身份信息；请按上述要求处置，并礼貌接诊。
            </Typography.Text>
          </Space>
        </Card>
      )}
    </div>
  );
}
