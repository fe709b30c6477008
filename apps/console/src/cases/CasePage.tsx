import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Modal, Row, Select, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useOutletContext, useParams } from 'react-router';
import { ApiProblem, messageOf } from '../shared/api/problem';
import { useAcknowledge, useCloseIncident, useDeadlines, useEscalate, useIncident, useOrganisationName } from '../shared/api/queries';
import type { Deadline, EscalationChain, Incident, IncidentOutcome, Me } from '../shared/api/views';
import { CaseTimeline } from '../shared/CaseTimeline';
import { AlarmDetailsCard } from './AlarmDetailsCard';
import { ReportFormButtons } from './ReportFormButtons';
import { Clock } from '../shared/Clock';
import { CATEGORY_LABELS, CHAIN_LABELS, CHANNEL_LABELS, CLOCK_LABELS, LEVEL_LABELS, OUTCOME_LABELS, label } from '../shared/labels';
import { ErrorState, Loading, Nothing } from '../shared/states';
import { beijing } from '../shared/time';

const LEVELS: Record<EscalationChain, string[]> = {
  health: ['county', 'city', 'province', 'national'],
  political_legal: ['local'],
  police: ['bureau', 'city_bureau'],
};
const POLICE = ['police_dispatcher', 'police_case_officer', 'station_chief'];
// Who starts each chain: the hospital reports to health and 综治, a police unit up its own line.
const SUBMITTERS: Record<EscalationChain, string[]> = {
  health: ['hospital_security_officer'],
  political_legal: ['hospital_security_officer'],
  police: POLICE,
};
const ADDRESSEES = ['health_commission_official', 'political_legal_officer', ...POLICE];
// Who reads police cases (prosecution's CASE_READER_ROLES): a hospital is no party to the police file.
const POLICE_CASE_READERS = [...POLICE, 'health_commission_official', 'prosecutor', 'judge', 'political_legal_officer'];

function Clocks({ incident, deadlines }: { incident: Incident; deadlines: Deadline[] }) {
  const shown = new Set(deadlines.map((d) => d.clock));
  return (
    <Space direction="vertical" data-testid="case-clocks">
      {deadlines.map((d) => (
        <Clock
          key={d.deadlineId}
          label={label(CLOCK_LABELS, d.clock)}
          state={d.state}
          dueAt={d.dueAt}
          warnAt={d.warnAt}
          startedAt={d.startedAt}
          completedAt={d.completedAt}
          testId={`clock-${d.clock}`}
        />
      ))}
      {/* A clock the board has not received yet (it follows the events within moments): its state from the case itself. */}
      {Object.entries(incident.clocks)
        .filter(([clock]) => !shown.has(clock))
        .map(([clock, progress]) => (
          <Clock
            key={clock}
            label={label(CLOCK_LABELS, clock)}
            state={progress!.state === 'stopped' ? 'met' : progress!.state}
            dueAt={null}
            testId={`clock-${clock}`}
          />
        ))}
      {deadlines.length === 0 && Object.keys(incident.clocks).length === 0 && (
        <Typography.Text type="secondary">未启动法定时限</Typography.Text>
      )}
    </Space>
  );
}

function Escalations({ caseNumber, incident, me }: { caseNumber: string; incident: Incident; me: Me }) {
  const escalate = useEscalate();
  const acknowledge = useAcknowledge();
  const orgName = useOrganisationName();
  const { message } = App.useApp();
  const fail = (error: unknown) => message.error(messageOf(error));
  const chains = (Object.keys(LEVELS) as EscalationChain[]).filter(
    (chain) => Object.keys(incident.escalation[chain] ?? {}).length > 0 || SUBMITTERS[chain].some((r) => me.roles.includes(r)),
  );
  if (chains.length === 0) return <Nothing>尚未上报</Nothing>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-escalations">
      {chains.map((chain) => {
        const progress = incident.escalation[chain] ?? {};
        const started = Object.keys(progress).length > 0;
        const mayStart = !started && incident.status === 'open' && SUBMITTERS[chain].some((r) => me.roles.includes(r));
        return (
          <div key={chain}>
            <Space wrap>
              <Typography.Text strong>{CHAIN_LABELS[chain]}</Typography.Text>
              {!started && <Tag>未上报</Tag>}
              {mayStart && (
                <Button
                  type={incident.major ? 'primary' : 'default'}
                  loading={escalate.isPending && escalate.variables?.chain === chain}
                  onClick={() =>
                    escalate.mutate(
                      { caseNumber, chain },
                      { onSuccess: () => message.success(`已上报${label(LEVEL_LABELS, LEVELS[chain][0])}`), onError: fail },
                    )
                  }
                >
                  上报{label(LEVEL_LABELS, LEVELS[chain][0])}
                </Button>
              )}
            </Space>
            {started && (
              <Steps
                size="small"
                style={{ marginTop: 8 }}
                items={LEVELS[chain].map((level) => {
                  const p = progress[level];
                  const status = !p ? 'wait' : p.forwardedAt || p.acknowledgedAt ? 'finish' : 'process';
                  const addressee =
                    !!p &&
                    !p.acknowledgedAt &&
                    ADDRESSEES.some((r) => me.roles.includes(r)) &&
                    !me.roles.includes('hospital_security_officer');
                  const mayForward =
                    !!p?.acknowledgedAt && !p.forwardedAt && p.acknowledgedBy === me.organisationId && level !== LEVELS[chain].at(-1);
                  return {
                    status,
                    title: label(LEVEL_LABELS, level),
                    description: !p ? (
                      '—'
                    ) : (
                      <Space direction="vertical" size={2}>
                        <span>{p.acknowledgedAt ? `已签收 ${beijing(p.acknowledgedAt)}` : `待签收（${beijing(p.receivedAt)} 报送）`}</span>
                        {p.acknowledgedBy && <span>{orgName(p.acknowledgedBy)}</span>}
                        {p.forwardedAt && <span>已转报 {beijing(p.forwardedAt)}</span>}
                        {addressee && (
                          <Button size="small" type="primary" onClick={() => acknowledge.mutate({ caseNumber, level }, { onError: fail })}>
                            签收
                          </Button>
                        )}
                        {mayForward && (
                          <Button size="small" onClick={() => acknowledge.mutate({ caseNumber, level, forward: true }, { onError: fail })}>
                            转报上级
                          </Button>
                        )}
                      </Space>
                    ),
                  };
                })}
              />
            )}
          </div>
        );
      })}
    </Space>
  );
}

function CloseButton({ caseNumber, incident }: { caseNumber: string; incident: Incident }) {
  const close = useCloseIncident();
  const { modal, message } = App.useApp();
  const [outcome, setOutcome] = useState<IncidentOutcome>('resolved_on_scene');
  const [open, setOpen] = useState(false);
  if (incident.status !== 'open') return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>办结</Button>
      <Modal
        open={open}
        title="办结警情"
        okText="确认办结"
        okButtonProps={{ danger: true, loading: close.isPending }}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() =>
          close.mutate(
            { caseNumber, outcome },
            {
              onSuccess: () => {
                setOpen(false);
                message.success('已办结');
              },
              onError: (error) =>
                error instanceof ApiProblem && error.status === 422
                  ? modal.warning({ title: '不能办结', content: messageOf(error) })
                  : message.error(messageOf(error)),
            },
          )
        }
      >
        <Typography.Paragraph>办结后仍在运行的时限将取消；如需继续处置，须说明理由重新打开。</Typography.Paragraph>
        <Select<IncidentOutcome>
          value={outcome}
          onChange={setOutcome}
          style={{ width: '100%' }}
          options={(Object.keys(OUTCOME_LABELS) as IncidentOutcome[]).map((value) => ({ value, label: OUTCOME_LABELS[value] }))}
        />
      </Modal>
    </>
  );
}

/** The case page: what happened, who responded, the clocks, the escalations, and the cross-agency timeline. */
export default function CasePage() {
  const { caseNumber = '' } = useParams();
  const me = useOutletContext<Me>();
  const view = useIncident(caseNumber);
  const deadlines = useDeadlines();
  const orgName = useOrganisationName();
  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorState error={view.error} retry={() => void view.refetch()} />;
  const { incident } = view.data;
  const clocks = (deadlines.data ?? []).filter((d) => d.caseNumber === caseNumber && d.context === 'incidents');
  const c = incident.classification.casualties;
  const casualty = (side: keyof typeof c) =>
    `死亡 ${c[side].deaths}，重伤 ${c[side].seriousInjuries}，轻伤 ${c[side].lightInjuries}，轻微伤 ${c[side].slightInjuries}`;
  const police = incident.police;
  const step = police.sceneClearedAt ? 4 : police.disturbanceStoppedAt ? 3 : police.arrivedAt ? 2 : police.dispatchedAt ? 1 : 0;
  const mayClose = me.roles.some((r) => ['hospital_security_officer', ...POLICE].includes(r));
  // A one-key alarm's particulars come from its hospital's security office, once, while the incident is open.
  const detailsPending = incident.channel === 'one_key_alarm' && incident.particulars === null && incident.status === 'open';
  const mayCompleteDetails =
    detailsPending && me.roles.includes('hospital_security_officer') && me.organisationId === incident.ref.hospitalId;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="case-page">
      {mayCompleteDetails && <AlarmDetailsCard caseNumber={caseNumber} incident={incident} />}
      <Card
        title={
          <Space wrap>
            <span>警情 {caseNumber}</span>
            {incident.major && <Tag color="red">重大</Tag>}
            {detailsPending && <Tag color="orange">待补录详情</Tag>}
            <Tag color={incident.status === 'open' ? 'blue' : 'default'}>
              {incident.status === 'open' ? '处置中' : `已办结 · ${label(OUTCOME_LABELS, incident.outcome)}`}
            </Tag>
          </Space>
        }
        extra={
          <Space className="no-print">
            {mayClose && <CloseButton caseNumber={caseNumber} incident={incident} />}
            <ReportFormButtons caseNumber={caseNumber} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label="医院">{orgName(incident.ref.hospitalId)}</Descriptions.Item>
          <Descriptions.Item label="发生时间">{beijing(incident.occurredAt)}</Descriptions.Item>
          <Descriptions.Item label="接报时间">{beijing(incident.reportedAt)}</Descriptions.Item>
          <Descriptions.Item label="来源">{label(CHANNEL_LABELS, incident.channel)}</Descriptions.Item>
          <Descriptions.Item label="地点">{(incident.intake.location as string | undefined) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="类别">
            {incident.classification.categories.map((k) => label(CATEGORY_LABELS, k)).join('、') || '未定性'}
          </Descriptions.Item>
          <Descriptions.Item label="当事方人数">{incident.particulars?.partiesCount ?? '待补录'}</Descriptions.Item>
          <Descriptions.Item label="医务人员伤亡">{casualty('staff')}</Descriptions.Item>
          <Descriptions.Item label="患方伤亡">{casualty('patients')}</Descriptions.Item>
          <Descriptions.Item label="行为人伤亡">{casualty('perpetrators')}</Descriptions.Item>
          <Descriptions.Item label="其他人员伤亡">{casualty('bystanders')}</Descriptions.Item>
          {incident.classification.seriousInjuryPendingAppraisal && (
            <Descriptions.Item label="伤情鉴定">疑似重伤，待鉴定（按重大事件报告）</Descriptions.Item>
          )}
          <Descriptions.Item label="具体行为" span={3}>
            {incident.particulars?.behaviour ?? '待补录'}
          </Descriptions.Item>
          {incident.particulars?.description && (
            <Descriptions.Item label="补充说明" span={3}>
              {incident.particulars.description}
            </Descriptions.Item>
          )}
          {incident.classification.massIncident && <Descriptions.Item label="群体性事件">是</Descriptions.Item>}
          {incident.classification.weaponsInvolved && <Descriptions.Item label="涉及凶器">是</Descriptions.Item>}
          {/* 转为案件办理: the police case keeps the incident's number. */}
          {incident.outcome === 'handed_to_police_case' && me.roles.some((r) => POLICE_CASE_READERS.includes(r)) && (
            <Descriptions.Item label="公安案件">
              <Link to={`/police-cases/${caseNumber}`} data-testid="police-case-link">
                查看公安案件 {caseNumber}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="处警" style={{ marginBottom: 16 }}>
            <Steps
              direction="vertical"
              size="small"
              current={step}
              items={[
                {
                  title: '出警',
                  description: police.dispatchedAt ? `${beijing(police.dispatchedAt)} · ${orgName(police.unitOrganisationId)}` : '待出警',
                },
                { title: '民警到场', description: police.arrivedAt ? beijing(police.arrivedAt) : '—' },
                { title: '违法行为已制止', description: police.disturbanceStoppedAt ? beijing(police.disturbanceStoppedAt) : '—' },
                { title: '现场清理完毕', description: police.sceneClearedAt ? beijing(police.sceneClearedAt) : '—' },
              ]}
            />
          </Card>
          <Card title="法定时限">
            <Clocks incident={incident} deadlines={clocks} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="信息报送" style={{ marginBottom: 16 }}>
            <Escalations caseNumber={caseNumber} incident={incident} me={me} />
          </Card>
          <Card title="全程记录">
            <CaseTimeline caseNumber={caseNumber} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
