import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  type FormInstance,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '../shared/api/problem';
import {
  useCaseSuspects,
  useOrganisationName,
  useOrganisations,
  usePoliceCase,
  usePoliceCases,
  usePoliceCaseStep,
} from '../shared/api/queries';
import type {
  CompulsoryMeasureKind,
  HistoryEntry,
  PenaltyKind,
  PoliceCaseClock,
  PoliceCaseStage,
  PoliceCaseView,
} from '../shared/api/views';
import { CaseTimeline } from '../shared/CaseTimeline';
import { showFieldErrors } from '../shared/formErrors';
import { apiLabel, ruleLabel } from '../shared/labels';
import { ErrorState, Loading, Nothing } from '../shared/states';
import { beijing, fromBeijingInput, toBeijingInput } from '../shared/time';
import { DayClock } from '../shared/DayClock';

type Case = PoliceCaseView['case'];

// Rule errors of the prosecution service that are about one field of the form, in words (the rest: the API's detail).
const RULE_FIELDS: Record<string, { field: string; message: string }> = {
  'DECISION.PENALTY_OUT_OF_RANGE': { field: 'amount', message: '超出法定幅度（罚款须大于 0；行政拘留 1 至法定最高天数）' },
  'DECISION.IN_FUTURE': { field: 'decidedAt', message: '决定时间不能晚于现在' },
  'MEASURE.ALREADY_IN_CUSTODY': { field: 'measure', message: '该嫌疑人已被羁押' },
  'MEASURE.ARREST_NOT_APPROVED': { field: 'measure', message: '逮捕须经检察院批准' },
  'SUSPECT.ALREADY_ADDED': { field: 'name', message: '该嫌疑人已增列' },
  'MINISTRY_ENTRY.ALREADY_RECORDED': { field: 'referenceNumber', message: '此决定已录入' },
};

/** The API's problem beside the form's field it is about; what no field shows, as a message. */
function useFieldErrors() {
  const { message } = App.useApp();
  return <T,>(typed: FormInstance<T>, error: unknown, fieldOf: (apiField: string) => string | undefined) => {
    // By field name: the API's fields and the form's are mapped by name, not by the form's type.
    const form = typed as FormInstance;
    const rule = error instanceof ApiProblem ? RULE_FIELDS[error.code] : undefined;
    if (rule && form.getFieldInstance(rule.field) !== undefined) {
      form.setFields([{ name: rule.field, errors: [rule.message] }]);
      return;
    }
    const unplaced = showFieldErrors(form, error, fieldOf);
    if (!(error instanceof ApiProblem) || error.errors.length === 0 || unplaced.length > 0) message.error(messageOf(error));
  };
}

const dataOf = <T,>(entry: HistoryEntry) => entry.data as T;

/** The stage as the case list words it; the case view has the facts, the list the word. */
function stageOf(c: Case, listed: PoliceCaseStage | undefined): PoliceCaseStage {
  if (listed) return listed;
  if (c.review?.open) return 'under_review';
  return c.filed ? 'filed' : 'accepted';
}

/** Each suspect as the page names them: the name once read (audited), else 嫌疑人 1, 2… in the order added. */
function suspectNames(c: Case, names: Map<string, string | null> | undefined) {
  return (suspectId: string) => {
    const name = names?.get(suspectId);
    if (name) return name;
    const n = c.suspects.findIndex((s) => s.suspectId === suspectId) + 1;
    return `嫌疑人 ${n || '?'}`;
  };
}

const CUSTODY: Record<string, string> = { none: '未羁押', criminal_detention: '刑事拘留', arrested: '已逮捕' };
const PURPOSES = ['办理本案', '制作法律文书', '核对嫌疑人身份', '移送审查起诉'];

function Suspects({
  caseNumber,
  c,
  mayAct,
  names,
  purpose,
  onPurpose,
  nameOf,
}: {
  caseNumber: string;
  c: Case;
  mayAct: boolean;
  names: ReturnType<typeof useCaseSuspects>;
  purpose: string | null;
  onPurpose: (purpose: string) => void;
  nameOf: (id: string) => string;
}) {
  const [asked, setAsked] = useState<string | undefined>();
  const add = usePoliceCaseStep(caseNumber);
  const [form] = Form.useForm<{ name: string }>();
  const place = useFieldErrors();
  const { message } = App.useApp();

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="suspects">
      {c.suspects.length === 0 ? (
        <Nothing>尚未增列嫌疑人</Nothing>
      ) : (
        c.suspects.map((s) => (
          <Space key={s.suspectId} wrap>
            <Typography.Text strong data-testid={`suspect-${s.suspectId}`}>
              {nameOf(s.suspectId)}
            </Typography.Text>
            <Tag>{CUSTODY[s.custody] ?? s.custody}</Tag>
          </Space>
        ))
      )}
      {c.suspects.length > 0 && !names.data && (
        <Alert
          type="info"
          className="no-print"
          message="嫌疑人姓名属个人信息，查看须说明用途，系统将记录本次查阅。"
          description={
            <Space wrap>
              <Select
                aria-label="查阅用途"
                placeholder="查阅用途"
                style={{ width: 180 }}
                value={asked}
                onChange={setAsked}
                options={PURPOSES.map((p) => ({ value: p, label: p }))}
              />
              <Button disabled={!asked} loading={names.isFetching} onClick={() => asked && onPurpose(asked)}>
                查看姓名
              </Button>
            </Space>
          }
        />
      )}
      {names.isError && <ErrorState error={names.error} />}
      {names.data && purpose && (
        <Typography.Text type="secondary" className="no-print">
          已记录查阅（用途：{purpose}）
        </Typography.Text>
      )}
      {mayAct && (
        <Form
          form={form}
          layout="inline"
          className="no-print"
          style={{ rowGap: 8 }}
          onFinish={({ name }) =>
            add.mutate(
              { step: 'suspects', body: { name } },
              {
                onSuccess: () => {
                  form.resetFields();
                  message.success('已增列嫌疑人');
                },
                onError: (error) => place(form, error, (f) => (f === 'name' ? 'name' : undefined)),
              },
            )
          }
        >
          <Form.Item name="name" label="嫌疑人姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={200} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={add.isPending}>
              增列嫌疑人
            </Button>
          </Form.Item>
        </Form>
      )}
    </Space>
  );
}

interface Decision {
  decisionId: string;
  suspectId: string;
  what: string;
  decidedAt: string;
  entry: { referenceNumber: string; recordedAt: string } | null;
}

/** Penalty decisions and compulsory measures, from the case's history, each with its ministry entry. */
function decisionsOf(history: HistoryEntry[]): Decision[] {
  const entries = new Map(
    history
      .filter((e) => e.type === 'MinistrySystemEntryRecorded')
      .map((e) => {
        const d = dataOf<{ decisionId: string; referenceNumber: string; recordedAt: string }>(e);
        return [d.decisionId, { referenceNumber: d.referenceNumber, recordedAt: d.recordedAt }] as const;
      }),
  );
  return history.flatMap((e): Decision[] => {
    if (e.type === 'AdministrativePenaltyDecided') {
      const d = dataOf<{
        decisionId: string;
        suspectId: string;
        decidedAt: string;
        penalty: { kind: PenaltyKind; amountYuan?: number; days?: number };
      }>(e);
      const amount =
        d.penalty.kind === 'fine'
          ? ` ${d.penalty.amountYuan} 元`
          : d.penalty.kind === 'administrative_detention'
            ? ` ${d.penalty.days} 日`
            : '';
      return [
        {
          decisionId: d.decisionId,
          suspectId: d.suspectId,
          decidedAt: d.decidedAt,
          what: `${apiLabel('penaltyKind', d.penalty.kind)}${amount}`,
          entry: entries.get(d.decisionId) ?? null,
        },
      ];
    }
    if (e.type === 'CompulsoryMeasureImposed') {
      const d = dataOf<{ measureId: string; suspectId: string; decidedAt: string; measure: CompulsoryMeasureKind }>(e);
      return [
        {
          decisionId: d.measureId,
          suspectId: d.suspectId,
          decidedAt: d.decidedAt,
          what: apiLabel('compulsoryMeasure', d.measure),
          entry: entries.get(d.measureId) ?? null,
        },
      ];
    }
    return [];
  });
}

/** A clock as the case reads it, for DayClock: its period's unit decides how it counts down. */
const clockProps = (k: PoliceCaseClock) => ({
  state: k.state,
  dueAt: k.dueAt,
  warnAt: k.warnAt,
  startedAt: k.startedAt,
  completedAt: k.completedAt,
  provisional: k.provisional,
  workingDays: k.length.unit === 'working_days',
});

const ministryClockOf = (caseNumber: string, decisionId: string, clocks: PoliceCaseClock[]) =>
  clocks.find((k) => k.deadlineId === `${caseNumber}:ministry-system-entry:${decisionId}`);

function MinistryEntryButton({ caseNumber, decisionId }: { caseNumber: string; decisionId: string }) {
  const [open, setOpen] = useState(false);
  const record = usePoliceCaseStep(caseNumber);
  const [form] = Form.useForm<{ referenceNumber: string }>();
  const place = useFieldErrors();
  const { message } = App.useApp();
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid={`record-entry-${decisionId}`}>
        录入公安部系统
      </Button>
      <Modal
        open={open}
        title="记录公安部信息系统录入"
        okText="确认录入"
        cancelText="取消"
        okButtonProps={{ loading: record.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ referenceNumber }) =>
            record.mutate(
              { step: 'ministry-entries', body: { decisionId, referenceNumber: referenceNumber.trim() } },
              {
                onSuccess: () => {
                  setOpen(false);
                  message.success('已记录录入，时限已达标');
                },
                onError: (error) => place(form, error, (f) => (f === 'referenceNumber' ? 'referenceNumber' : undefined)),
              },
            )
          }
        >
          <Form.Item
            name="referenceNumber"
            label="录入编号（公安部信息系统）"
            rules={[{ required: true, whitespace: true, message: '请填写系统给出的编号' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Decisions({
  caseNumber,
  view,
  nameOf,
  mayAct,
}: {
  caseNumber: string;
  view: PoliceCaseView;
  nameOf: (id: string) => string;
  mayAct: boolean;
}) {
  const decisions = decisionsOf(view.history);
  if (decisions.length === 0) return <Nothing>尚无处罚决定或强制措施</Nothing>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="decisions">
      {decisions.map((d) => {
        const clock = ministryClockOf(caseNumber, d.decisionId, view.clocks);
        return (
          <div key={d.decisionId} data-testid={`decision-${d.decisionId}`} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
            <Space wrap>
              <Typography.Text strong>{d.what}</Typography.Text>
              <span>{nameOf(d.suspectId)}</span>
              <Typography.Text type="secondary">决定于 {beijing(d.decidedAt)}</Typography.Text>
            </Space>
            <div style={{ marginTop: 6 }}>
              <Space wrap>
                {clock && <DayClock label="公安部信息系统录入" {...clockProps(clock)} testId={`ministry-clock-${d.decisionId}`} />}
                {d.entry ? (
                  <Typography.Text>
                    录入编号 {d.entry.referenceNumber}（{beijing(d.entry.recordedAt)}）
                  </Typography.Text>
                ) : (
                  mayAct && <MinistryEntryButton caseNumber={caseNumber} decisionId={d.decisionId} />
                )}
              </Space>
            </div>
          </div>
        );
      })}
    </Space>
  );
}

interface DecisionForm {
  suspectId: string;
  kind: PenaltyKind;
  amount?: number;
  measure: CompulsoryMeasureKind;
  decidedAt: string;
}

/** 治安处罚决定 (administrative case) or 刑事强制措施 (criminal case): either starts the ministry-entry clock. */
function DecideForm({ caseNumber, c, nameOf }: { caseNumber: string; c: Case; nameOf: (id: string) => string }) {
  const decide = usePoliceCaseStep(caseNumber);
  const [form] = Form.useForm<DecisionForm>();
  const place = useFieldErrors();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const administrative = c.kind === 'administrative';
  if (c.suspects.length === 0)
    return <Typography.Text type="secondary">先增列嫌疑人，再记录{administrative ? '处罚决定' : '强制措施'}</Typography.Text>;
  const fieldOf = (f: string) =>
    ({
      suspectId: 'suspectId',
      decidedAt: 'decidedAt',
      'penalty.kind': 'kind',
      'penalty.amountYuan': 'amount',
      'penalty.days': 'amount',
      measure: 'measure',
    })[f];
  const submit = (values: DecisionForm) => {
    const decidedAt = fromBeijingInput(values.decidedAt);
    const done = {
      onSuccess: () => message.success('已记录，公安部信息系统录入时限开始计时'),
      onError: (error: unknown) => place(form, error, fieldOf),
    };
    if (administrative) {
      const penalty =
        values.kind === 'fine'
          ? { kind: values.kind, amountYuan: values.amount }
          : values.kind === 'administrative_detention'
            ? { kind: values.kind, days: values.amount }
            : { kind: values.kind };
      decide.mutate({ step: 'penalty-decisions', body: { suspectId: values.suspectId, penalty, decidedAt } }, done);
    } else {
      decide.mutate({ step: 'compulsory-measures', body: { suspectId: values.suspectId, measure: values.measure, decidedAt } }, done);
    }
  };
  return (
    <Form<DecisionForm>
      form={form}
      layout="vertical"
      className="no-print"
      data-testid="decide-form"
      initialValues={{ suspectId: c.suspects[0].suspectId, kind: 'warning', measure: 'summons', decidedAt: toBeijingInput(new Date()) }}
      onFinish={submit}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="suspectId" label="嫌疑人" rules={[{ required: true, message: '请选择嫌疑人' }]}>
            <Select options={c.suspects.map((s) => ({ value: s.suspectId, label: nameOf(s.suspectId) }))} />
          </Form.Item>
        </Col>
        {administrative ? (
          <>
            <Col xs={24} sm={12}>
              <Form.Item name="kind" label="处罚种类">
                <Select
                  options={(['warning', 'fine', 'administrative_detention'] as const).map((k) => ({
                    value: k,
                    label: apiLabel('penaltyKind', k),
                  }))}
                />
              </Form.Item>
            </Col>
            {kind !== 'warning' && (
              <Col xs={24} sm={12}>
                <Form.Item
                  name="amount"
                  label={kind === 'fine' ? '罚款金额（元）' : '拘留天数'}
                  rules={[{ required: true, message: kind === 'fine' ? '请填写罚款金额' : '请填写拘留天数' }]}
                >
                  <InputNumber style={{ width: '100%' }} precision={kind === 'fine' ? 2 : 0} />
                </Form.Item>
              </Col>
            )}
          </>
        ) : (
          <Col xs={24} sm={12}>
            <Form.Item name="measure" label="强制措施">
              <Select
                options={(['summons', 'bail', 'residential_surveillance', 'criminal_detention', 'arrest'] as const).map((m) => ({
                  value: m,
                  label: apiLabel('compulsoryMeasure', m),
                }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="decidedAt" label="决定时间（北京时间）" rules={[{ required: true, message: '请填写决定时间' }]}>
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={decide.isPending}>
        {administrative ? '记录处罚决定' : '记录强制措施'}
      </Button>
    </Form>
  );
}

/** 移送审查起诉: irreversible, so it asks first and says what follows. */
function TransferButton({ caseNumber, c, nameOf }: { caseNumber: string; c: Case; nameOf: (id: string) => string }) {
  const [open, setOpen] = useState(false);
  const transfer = usePoliceCaseStep(caseNumber);
  const organisations = useOrganisations();
  const [form] = Form.useForm<{ procuratorateId: string; suspectIds: string[] }>();
  const place = useFieldErrors();
  const { message } = App.useApp();
  const procuratorates = (organisations.data ?? []).filter((o) => o.kind === 'procuratorate' && o.active);
  return (
    <>
      <Button danger onClick={() => setOpen(true)} disabled={c.suspects.length === 0}>
        移送审查起诉
      </Button>
      <Modal
        open={open}
        title="移送审查起诉"
        okText="确认移送"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: transfer.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="移送后不可撤回"
          description="案件将移送人民检察院审查起诉，检察院的审查起诉期限随即开始计算；此后公安机关只能按检察院退回补充侦查的要求继续办理。"
        />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ procuratorateId: procuratorates[0]?.organisationId, suspectIds: c.suspects.map((s) => s.suspectId) }}
          onFinish={(body) =>
            transfer.mutate(
              { step: 'prosecution-transfer', body },
              {
                onSuccess: () => {
                  setOpen(false);
                  message.success('已移送审查起诉');
                },
                onError: (error) =>
                  place(form, error, (f) => (f.startsWith('suspectIds') ? 'suspectIds' : f === 'procuratorateId' ? f : undefined)),
              },
            )
          }
        >
          <Form.Item name="procuratorateId" label="人民检察院" rules={[{ required: true, message: '请选择检察院' }]}>
            <Select options={procuratorates.map((o) => ({ value: o.organisationId, label: o.name }))} />
          </Form.Item>
          <Form.Item name="suspectIds" label="移送的嫌疑人" rules={[{ required: true, message: '至少选择一名嫌疑人' }]}>
            <Checkbox.Group options={c.suspects.map((s) => ({ value: s.suspectId, label: nameOf(s.suspectId) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function FileButton({ caseNumber }: { caseNumber: string }) {
  const file = usePoliceCaseStep(caseNumber);
  const { modal, message } = App.useApp();
  return (
    <Button
      loading={file.isPending}
      onClick={() =>
        modal.confirm({
          title: '刑事立案',
          content: '确认对本案立案侦查？立案后方可采取强制措施、移送审查起诉。',
          okText: '确认立案',
          cancelText: '取消',
          onOk: () =>
            file.mutateAsync({ step: 'filing' }).then(
              () => void message.success('已立案'),
              (error: unknown) => void message.error(messageOf(error)),
            ),
        })
      }
    >
      刑事立案
    </Button>
  );
}

/** The clocks of the case other than the ministry entries (those stand beside their decisions). */
function OtherClocks({ view }: { view: PoliceCaseView }) {
  const clocks = view.clocks.filter((k) => k.rule !== 'ministry-system-entry');
  if (clocks.length === 0) return <Typography.Text type="secondary">无其他法定时限</Typography.Text>;
  return (
    <Space direction="vertical">
      {clocks.map((k) => (
        <DayClock key={k.deadlineId} label={ruleLabel(k.rule)} {...clockProps(k)} testId={`clock-${k.rule}`} />
      ))}
    </Space>
  );
}

/** 公安案件: what the case is, its suspects, decisions and measures with their ministry entries, the transfer, the timeline. */
export default function PoliceCasePage() {
  const { caseNumber = '' } = useParams();
  const view = usePoliceCase(caseNumber);
  const listed = usePoliceCases({ q: caseNumber });
  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorState error={view.error} retry={() => void view.refetch()} />;
  return <CaseView caseNumber={caseNumber} view={view.data} stage={listed.data?.find((r) => r.caseNumber === caseNumber)?.status} />;
}

function CaseView({ caseNumber, view, stage }: { caseNumber: string; view: PoliceCaseView; stage: PoliceCaseStage | undefined }) {
  const c = view.case;
  const orgName = useOrganisationName();
  // Why the names are read: asked once on the page, recorded by the API with the read.
  const [purpose, setPurpose] = useState<string | null>(null);
  const names = useCaseSuspects(caseNumber, purpose);
  const nameOf = suspectNames(c, names.data ? new Map(names.data.suspects.map((s) => [s.suspectId, s.name])) : undefined);
  const accepted = view.history.find((e) => e.type === 'CaseAccepted');
  const acceptedData = accepted ? dataOf<{ acceptedAt: string; summary: string }>(accepted) : null;
  const current = stageOf(c, stage);
  // The police act while the case is with them: before the transfer, or when it is returned to them.
  const withPolice = current === 'accepted' || current === 'filed' || current === 'supplementary_investigation';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="case-page">
      <Card
        title={
          <Space wrap>
            <span>公安案件 {caseNumber}</span>
            <Tag color="geekblue">{apiLabel('policeCaseKind', c.kind)}</Tag>
            <Tag color={withPolice ? 'blue' : 'default'} data-testid="police-case-stage">
              {apiLabel('policeCaseStage', current)}
            </Tag>
            {c.major && <Tag color="red">重大</Tag>}
            {c.supervision && <Tag color="red">挂牌督办</Tag>}
          </Space>
        }
        extra={
          <Space className="no-print" wrap>
            {withPolice && c.kind === 'criminal' && !c.filed && <FileButton caseNumber={caseNumber} />}
            {withPolice && c.kind === 'criminal' && c.filed && !c.review && (
              <TransferButton caseNumber={caseNumber} c={c} nameOf={nameOf} />
            )}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </Space>
        }
        // A long case number wraps on a phone rather than being cut off.
        styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 }, title: { whiteSpace: 'normal', wordBreak: 'break-all' } }}
      >
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label="医院">{orgName(c.hospitalId)}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{orgName(c.handlingUnitId)}</Descriptions.Item>
          <Descriptions.Item label="受案时间">{beijing(acceptedData?.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {c.origin.source === 'incident' ? <Link to={`/case/${caseNumber}`}>涉医警情 {caseNumber}</Link> : '直接受案'}
          </Descriptions.Item>
          {c.kind === 'criminal' && <Descriptions.Item label="立案">{c.filed ? '已立案' : '未立案'}</Descriptions.Item>}
          {c.review && <Descriptions.Item label="审查起诉">{orgName(c.review.procuratorateId)}</Descriptions.Item>}
          <Descriptions.Item label="简要案情" span={3}>
            {acceptedData?.summary ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="违法犯罪嫌疑人">
              <Suspects
                caseNumber={caseNumber}
                c={c}
                mayAct={withPolice}
                names={names}
                purpose={purpose}
                onPurpose={setPurpose}
                nameOf={nameOf}
              />
            </Card>
            <Card title={c.kind === 'administrative' ? '治安处罚决定' : '刑事强制措施'}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Decisions caseNumber={caseNumber} view={view} nameOf={nameOf} mayAct={withPolice} />
                {withPolice && <DecideForm caseNumber={caseNumber} c={c} nameOf={nameOf} />}
              </Space>
            </Card>
            <Card title="其他法定时限">
              <OtherClocks view={view} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="全程记录">
            <CaseTimeline caseNumber={caseNumber} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
