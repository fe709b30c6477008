import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useOutletContext } from 'react-router';
import { messageOf } from '../shared/api/problem';
import { useOrganisations, useReceiveComplaint, useRoutesNotice } from '../shared/api/queries';
import type { ClaimKind, DisputeCommandResult, DisputeRoute, Me, NoticeMethod, PartyRelation } from '../shared/api/views';
import { Clock } from '../shared/Clock';
import { showFieldErrors } from '../shared/formErrors';
import { CLAIM_KIND_LABELS, DISPUTE_ROUTE_LABELS, NOTICE_METHOD_LABELS, PARTY_RELATION_LABELS, ruleLabel } from '../shared/labels';

interface ComplaintValues {
  summary: string;
  name: string;
  relation: PartyRelation;
  contact?: string;
  kinds: ClaimKind[];
  claim: string;
  amountYuan?: number | null;
}

interface NoticeValues {
  routes: DisputeRoute[];
  method: NoticeMethod;
  note?: string;
}

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

// The API's dotted paths (parties.0.name, claims.0.description) onto this form's fields.
const complaintField = (field: string): string | undefined => {
  if (field === 'summary') return 'summary';
  const party = /^parties\.\d+\.(name|relation|contact)$/.exec(field);
  if (party) return party[1];
  if (/^claims\.\d+\.description$/.test(field)) return 'claim';
  if (/^claims\.\d+\.amountFen$/.test(field)) return 'amountYuan';
  if (/^claims(\.\d+\.kind)?$/.test(field)) return 'kinds';
  return undefined;
};

/**
 * 投诉接待 (hospital complaints office): the first complaint and the notice of routes, one screen. Whoever receives the
 * complaint owns it (首诉负责制, [S1 四(一)]); before mediation, refusal or litigation the patient side must be told
 * the routes, methods and procedure (多元化解告知, [S3 二(三)]), so the notice follows at once with all routes ticked.
 */
export default function IntakePage() {
  const me = useOutletContext<Me>();
  const { data: organisations } = useOrganisations();
  const [complaintForm] = Form.useForm<ComplaintValues>();
  const [noticeForm] = Form.useForm<NoticeValues>();
  const receive = useReceiveComplaint();
  const notice = useRoutesNotice();
  const [opened, setOpened] = useState<DisputeCommandResult | null>(null);
  const [noticed, setNoticed] = useState<DisputeCommandResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // The county health commission over the hospital supervises the risk-review clock (from the directory, never typed).
  const commission = organisations?.find(
    (o) => o.kind === 'health_commission' && o.details.healthCommission?.level === 'county' && o.regionCode === me.organisationRegion,
  );

  const submitComplaint = (v: ComplaintValues) => {
    setProblem(null);
    const amountFen = v.amountYuan ? Math.round(v.amountYuan * 100) : undefined;
    receive.mutate(
      {
        summary: v.summary,
        parties: [{ name: v.name, relation: v.relation, ...(v.contact ? { contact: v.contact } : {}) }],
        claims: v.kinds.map((kind) => ({ kind, description: v.claim, ...(kind === 'compensation' && amountFen ? { amountFen } : {}) })),
        ...(commission ? { supervisingOrganisationId: commission.organisationId } : {}),
      },
      {
        onSuccess: setOpened,
        onError: (error) => {
          const unplaced = showFieldErrors(complaintForm, error, complaintField);
          if (unplaced.length > 0 || !complaintForm.getFieldsError().some((f) => f.errors.length > 0)) setProblem(messageOf(error));
        },
      },
    );
  };

  const submitNotice = (v: NoticeValues) => {
    setProblem(null);
    notice.mutate(
      { id: opened!.disputeId, body: { routes: v.routes, method: v.method, ...(v.note ? { note: v.note } : {}) } },
      {
        onSuccess: setNoticed,
        onError: (error) => {
          const unplaced = showFieldErrors(noticeForm, error, (f) =>
            ['routes', 'method', 'note'].includes(f.split('.')[0]) ? f.split('.')[0] : undefined,
          );
          if (unplaced.length > 0 || !noticeForm.getFieldsError().some((f) => f.errors.length > 0)) setProblem(messageOf(error));
        },
      },
    );
  };

  const step = noticed ? 2 : opened ? 1 : 0;
  const clocks = (noticed ?? opened)?.clocks ?? [];
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="complaint-intake">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        投诉接待
      </Typography.Title>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        responsive={false}
        items={[{ title: '受理投诉' }, { title: '多元化解告知' }, { title: '完成' }]}
      />
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}

      {!opened && (
        <Card>
          <Typography.Paragraph type="secondary">首诉负责制：由您受理并负责跟进，直至转交或办结。</Typography.Paragraph>
          <Form
            form={complaintForm}
            layout="vertical"
            onFinish={submitComplaint}
            // The API's message beside a field goes once the field is corrected.
            onValuesChange={(changed: Partial<ComplaintValues>) =>
              complaintForm.setFields((Object.keys(changed) as (keyof ComplaintValues)[]).map((name) => ({ name, errors: [] })))
            }
            initialValues={{ relation: 'patient', kinds: ['explanation'] }}
            requiredMark="optional"
          >
            <Form.Item name="summary" label="投诉事由" rules={[{ required: true, message: '请简要写明投诉事由' }]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder="例如：术后感染，家属要求说明情况并赔偿" />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="name" label="投诉人姓名" rules={[{ required: true, message: '请填写投诉人姓名' }]}>
                  <Input size="large" maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="contact" label="联系电话">
                  <Input size="large" inputMode="tel" maxLength={20} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="relation" label="与患者关系" rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid" size="large" options={options(PARTY_RELATION_LABELS)} />
            </Form.Item>
            <Form.Item name="kinds" label="诉求" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一项诉求' }]}>
              <Checkbox.Group options={options(CLAIM_KIND_LABELS)} />
            </Form.Item>
            <Form.Item name="claim" label="诉求说明" rules={[{ required: true, message: '请写明投诉人的具体诉求' }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.kinds !== b.kinds}>
              {({ getFieldValue }) =>
                (getFieldValue('kinds') as ClaimKind[] | undefined)?.includes('compensation') && (
                  <Form.Item name="amountYuan" label="要求赔偿金额（元）">
                    <InputNumber min={0.01} precision={2} size="large" style={{ width: '100%' }} />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={receive.isPending} style={{ height: 48 }}>
              受理
            </Button>
          </Form>
        </Card>
      )}

      {opened && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            <Space wrap>
              <span data-testid="dispute-case-number">已受理，案件编号 {opened.caseNumber}</span>
              <Link to={`/disputes/${opened.caseNumber}`}>查看案件</Link>
            </Space>
          }
          description={
            <Space wrap>
              {clocks.map((c) => (
                <Clock key={c.deadlineId} label={ruleLabel(c.rule)} state={c.state} dueAt={c.dueAt} warnAt={c.warnAt} />
              ))}
            </Space>
          }
        />
      )}

      {opened && !noticed && (
        <Card title="多元化解告知">
          <Typography.Paragraph>
            请向患方告知解决纠纷的途径、方法和程序。未告知的，不能进入调解、不予受理或诉讼等后续环节。
          </Typography.Paragraph>
          <Form
            form={noticeForm}
            layout="vertical"
            onFinish={submitNotice}
            initialValues={{ routes: Object.keys(DISPUTE_ROUTE_LABELS), method: 'in_person' }}
          >
            <Form.Item name="routes" label="已告知的途径" rules={[{ required: true, type: 'array', min: 1, message: '至少告知一种途径' }]}>
              <Checkbox.Group options={options(DISPUTE_ROUTE_LABELS)} />
            </Form.Item>
            <Form.Item name="method" label="告知方式" rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid" size="large" options={options(NOTICE_METHOD_LABELS)} />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input.TextArea rows={2} maxLength={2000} placeholder="例如：已发放《医疗纠纷处理告知书》" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={notice.isPending} style={{ height: 48 }}>
              记录已告知
            </Button>
          </Form>
        </Card>
      )}

      {noticed && (
        <Card data-testid="routes-noticed">
          <Space direction="vertical">
            <Typography.Title level={5} style={{ margin: 0 }}>
              <CheckCircleFilled style={{ color: '#52c41a' }} /> 已记录多元化解告知
            </Typography.Title>
            <Typography.Text type="secondary">可以进入协商、调解或引导诉讼。</Typography.Text>
            <Link to={`/disputes/${noticed.caseNumber}`}>
              <Button type="primary" size="large">
                查看案件
              </Button>
            </Link>
            <Button
              size="large"
              onClick={() => {
                setOpened(null);
                setNoticed(null);
                complaintForm.resetFields();
                noticeForm.resetFields();
              }}
            >
              受理下一件投诉
            </Button>
          </Space>
        </Card>
      )}
    </div>
  );
}
