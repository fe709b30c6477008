import { DownOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Dropdown, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../shared/api/problem';
import { keys, useDeadlines, useIncidents, useOrganisationName, usePoliceStep, type PoliceStep } from '../shared/api/queries';
import type { Deadline, IncidentSummary } from '../shared/api/views';
import { Clock } from '../shared/Clock';
import { CATEGORY_LABELS, CHANNEL_LABELS, label } from '../shared/labels';
import { useLive, type LiveMode, type LiveNotification } from '../shared/live';
import { ErrorState, Nothing } from '../shared/states';
import { beijingClock, fromBeijingInput, span, toBeijingInput } from '../shared/time';
import { useNow } from '../shared/useNow';
import { chime, enableSound, soundEnabled } from './alarm';

// The notifications stream brings a new incident at once; while it is down the board polls once a second
// instead. While live it still refreshes now and then: another dispatcher's steps raise no notification.
const POLL_MS = 1_000;
const LIVE_REFRESH_MS = 15_000;
// How long a card drawn from a notification waits for the list to have its row before it is dropped.
const PROVISIONAL_MS = 10_000;

/**
 * A card drawn from the `incident-reported` notification alone, before `GET /incidents` answers (under
 * load the refetch took another ~0.8 s). The notification carries the case number, the hospital's name
 * (in its title), when it was raised and its words (no names or phones); the rest waits for the
 * refetch, whose rows replace the whole list, so the server's row wins and none is shown twice.
 */
type BoardRow = IncidentSummary & { provisional?: { hospitalName: string; text: string } };

function provisionalRow(n: LiveNotification & { caseNumber: string }): BoardRow {
  return {
    caseNumber: n.caseNumber,
    hospitalId: '',
    regionCode: '',
    channel: n.title.startsWith('【一键报警】') ? 'one_key_alarm' : '',
    status: 'open',
    outcome: null,
    occurredAt: n.createdAt,
    reportedAt: n.createdAt,
    categories: [],
    major: false,
    deaths: 0,
    seriousInjuries: 0,
    lightInjuries: 0,
    slightInjuries: 0,
    seriousInjuryPendingAppraisal: false,
    detailsPending: true,
    dispatchedAt: null,
    arrivedAt: null,
    disturbanceStoppedAt: null,
    sceneClearedAt: null,
    runningClocks: [],
    provisional: { hospitalName: n.title.replace(/^【[^】]*】/, ''), text: n.body },
  };
}

/** 实时 / 轮询: whether the board hears of new incidents at once or asks every second. */
function LiveIndicator({ mode }: { mode: LiveMode }) {
  const [color, text, title] =
    mode === 'live'
      ? ['green', '实时', '已连接实时推送，新警情即时显示']
      : mode === 'polling'
        ? ['orange', '轮询', '实时推送中断，每秒刷新一次，正在重连…']
        : ['default', '连接中', '正在连接实时推送'];
  return (
    <Tag color={color} title={title} data-testid="live-indicator" data-mode={mode} style={{ fontSize: 14, padding: '2px 8px' }}>
      <Badge status={mode === 'live' ? 'processing' : 'default'} color={mode === 'live' ? 'green' : undefined} /> {text}
    </Tag>
  );
}

const STEP_LABELS: Record<PoliceStep, string> = {
  dispatch: '出警',
  arrival: '到场',
  'disturbance-stopped': '已制止',
  'scene-cleared': '已清场',
};

function StepButton({ incident, step, onDone }: { incident: IncidentSummary; step: PoliceStep; onDone?: () => void }) {
  const record = usePoliceStep();
  const { message } = App.useApp();
  const [correcting, setCorrecting] = useState(false);
  const [corrected, setCorrected] = useState(() => toBeijingInput(new Date()));
  const run = (at: string) =>
    record.mutate(
      { caseNumber: incident.caseNumber, step, at },
      {
        onSuccess: () => {
          message.success(`${incident.caseNumber}：已记录${STEP_LABELS[step]}`);
          onDone?.();
        },
        onError: (error) => message.error(messageOf(error)),
      },
    );
  return (
    <>
      <span data-testid={`${step}-${incident.caseNumber}`}>
        <Space.Compact>
          <Button
            type={step === 'dispatch' || step === 'arrival' ? 'primary' : 'default'}
            size="large"
            loading={record.isPending}
            onClick={() => run(new Date().toISOString())}
          >
            {STEP_LABELS[step]}
          </Button>
          <Dropdown menu={{ items: [{ key: 'correct', label: '按更正的时间记录…' }], onClick: () => setCorrecting(true) }}>
            <Button size="large" icon={<DownOutlined />} aria-label={`${STEP_LABELS[step]}：更正时间`} />
          </Dropdown>
        </Space.Compact>
      </span>
      <Modal
        open={correcting}
        title={`${STEP_LABELS[step]}：更正时间`}
        okText="记录"
        cancelText="取消"
        onCancel={() => setCorrecting(false)}
        onOk={() => {
          setCorrecting(false);
          run(fromBeijingInput(corrected));
        }}
      >
        <Typography.Paragraph type="secondary">填写实际发生的时间（北京时间），时限按此计算。</Typography.Paragraph>
        <Input type="datetime-local" value={corrected} onChange={(e) => setCorrected(e.target.value)} />
      </Modal>
    </>
  );
}

function IncidentCard({ incident, arrival, fresh, seenAt }: { incident: BoardRow; arrival?: Deadline; fresh: boolean; seenAt?: number }) {
  const orgName = useOrganisationName();
  const now = useNow(1000);
  const waiting = now - new Date(incident.reportedAt).getTime();
  return (
    <Card
      size="small"
      data-testid={`board-${incident.caseNumber}`}
      data-seen-at={seenAt}
      style={{
        marginBottom: 12,
        borderColor: fresh ? '#ff4d4f' : undefined,
        boxShadow: fresh ? '0 0 0 3px rgba(255,77,79,.25)' : undefined,
      }}
      title={
        <Space wrap>
          {fresh && <Badge status="processing" color="red" text="新警情" />}
          {incident.major && <Tag color="red">重大</Tag>}
          <Link to={`/case/${incident.caseNumber}`}>{incident.caseNumber}</Link>
        </Space>
      }
      extra={incident.channel && <Typography.Text type="secondary">{label(CHANNEL_LABELS, incident.channel)}</Typography.Text>}
    >
      <Typography.Paragraph style={{ marginBottom: 8, fontSize: 16 }} strong>
        {incident.provisional ? incident.provisional.hospitalName : orgName(incident.hospitalId)}
      </Typography.Paragraph>
      {incident.provisional ? (
        <Typography.Paragraph style={{ marginBottom: 8 }} type="secondary">
          {incident.provisional.text}（详情加载中…）
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {incident.categories.map((c) => label(CATEGORY_LABELS, c)).join('、') || '未定性'}
          {incident.deaths + incident.seriousInjuries + incident.lightInjuries + incident.slightInjuries > 0 &&
            ` · 伤亡 ${incident.deaths} 死 ${incident.seriousInjuries} 重伤 ${incident.lightInjuries} 轻伤 ${incident.slightInjuries} 轻微伤`}
          {incident.seriousInjuryPendingAppraisal && ' · 疑似重伤待鉴定'}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        {!incident.dispatchedAt && (
          <Tag color="red" style={{ fontSize: 14, padding: '2px 8px' }}>
            接报 {beijingClock(incident.reportedAt)} · 已等待 {span(waiting)}
          </Tag>
        )}
        {incident.dispatchedAt && !incident.arrivedAt && (
          <Clock
            label="到场时限"
            state={arrival?.state ?? 'running'}
            dueAt={arrival?.dueAt ?? null}
            warnAt={arrival?.warnAt}
            testId={`arrival-clock-${incident.caseNumber}`}
          />
        )}
        {incident.arrivedAt && <Tag color="green">到场 {beijingClock(incident.arrivedAt)}</Tag>}
        {incident.disturbanceStoppedAt && <Tag color="green">已制止 {beijingClock(incident.disturbanceStoppedAt)}</Tag>}
      </Space>
      <Space wrap>
        {!incident.dispatchedAt && <StepButton incident={incident} step="dispatch" />}
        {incident.dispatchedAt && !incident.arrivedAt && <StepButton incident={incident} step="arrival" />}
        {incident.arrivedAt && !incident.disturbanceStoppedAt && <StepButton incident={incident} step="disturbance-stopped" />}
        {incident.arrivedAt && !incident.sceneClearedAt && <StepButton incident={incident} step="scene-cleared" />}
      </Space>
    </Card>
  );
}

/**
 * 实时警情看板 (dispatcher, hospital police office, station chief): open incidents awaiting dispatch, awaiting
 * arrival (with the 3 / 8-minute clock) and on scene; each step one click. A new incident rings and glows.
 */
export default function BoardPage() {
  const queryClient = useQueryClient();
  // Cards drawn from a notification whose row the list has not answered yet, kept for a while.
  const provisional = useRef(new Map<string, { row: BoardRow; until: number }>());
  const addProvisional = (row: BoardRow) =>
    queryClient.setQueryData<BoardRow[]>(keys.incidents({ status: 'open' }), (rows) =>
      rows === undefined || rows.some((r) => r.caseNumber === row.caseNumber) ? rows : [...rows, row],
    );
  // Any notification about a case (a new incident, a clock's warning or breach) refreshes the board's data;
  // a new incident's card is drawn from the notification at once, and the refetch then replaces it.
  const live = useLive((notification) => {
    const { caseNumber } = notification;
    if (!caseNumber) return;
    if (notification.ruleId === 'incident-reported') {
      const row = provisionalRow({ ...notification, caseNumber });
      provisional.current.set(caseNumber, { row, until: Date.now() + PROVISIONAL_MS });
      addProvisional(row);
    }
    void queryClient.invalidateQueries({ queryKey: keys.incidents({ status: 'open' }) });
    void queryClient.invalidateQueries({ queryKey: keys.deadlines });
  });
  const every = live === 'live' ? LIVE_REFRESH_MS : POLL_MS;
  const incidents = useIncidents({ status: 'open' }, every);
  const deadlines = useDeadlines(every);
  const { notification } = App.useApp();
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  // When each new incident first reached this board (ms since the epoch), beside the card: how late it came.
  const [seenAt, setSeenAt] = useState<Map<string, number>>(new Map());
  const [alerts, setAlerts] = useState(0);
  const [sound, setSound] = useState(soundEnabled());

  // The list is a read model that may lag the notification: a refetch without the new row keeps the
  // provisional card (and asks again shortly) rather than dropping it; a server row replaces it.
  useEffect(() => {
    if (!incidents.data) return;
    const rows = incidents.data as BoardRow[];
    let missing = false;
    for (const [caseNumber, { row, until }] of provisional.current) {
      const now = rows.find((r) => r.caseNumber === caseNumber);
      if ((now && !now.provisional) || Date.now() > until) provisional.current.delete(caseNumber);
      else if (!now) {
        missing = true;
        addProvisional(row);
      }
    }
    // Not cleared when the re-added row changes the data (that would cancel it): asking again is harmless.
    if (missing) setTimeout(() => void queryClient.invalidateQueries({ queryKey: keys.incidents({ status: 'open' }) }), 500);
  }, [incidents.data, queryClient]);

  useEffect(() => {
    if (!incidents.data) return;
    const numbers = incidents.data.map((i) => i.caseNumber);
    if (seen.current === null) {
      seen.current = new Set(numbers); // what was there when the board opened is not "new"
      return;
    }
    const added = (incidents.data as BoardRow[]).filter((i) => !seen.current!.has(i.caseNumber));
    if (added.length === 0) return;
    const arrived = Date.now();
    for (const i of added) seen.current.add(i.caseNumber);
    setSeenAt((before) => new Map([...before, ...added.map((i) => [i.caseNumber, arrived] as const)]));
    setFresh((before) => new Set([...before, ...added.map((i) => i.caseNumber)]));
    setAlerts((n) => n + added.length);
    chime();
    for (const i of added)
      notification.warning({
        message: `新警情 ${i.caseNumber}`,
        description: i.provisional
          ? `${i.provisional.hospitalName}：${i.provisional.text}`
          : `${i.categories.map((c) => label(CATEGORY_LABELS, c)).join('、') || '未定性'}${i.major ? '（重大）' : ''}`,
        duration: 10,
      });
  }, [incidents.data, notification]);

  if (incidents.isError && !incidents.data) return <ErrorState error={incidents.error} retry={() => void incidents.refetch()} />;
  const arrivalOf = new Map<string, Deadline>();
  for (const d of deadlines.data ?? []) if (d.clock === 'police_arrival' && d.state !== 'cancelled') arrivalOf.set(d.caseNumber, d);
  const open: BoardRow[] = incidents.data ?? [];
  const columns: { key: string; title: string; rows: BoardRow[]; empty: string }[] = [
    { key: 'dispatch', title: '待出警', rows: open.filter((i) => !i.dispatchedAt), empty: '没有待出警的警情' },
    { key: 'arrival', title: '待到场', rows: open.filter((i) => i.dispatchedAt && !i.arrivedAt), empty: '没有待到场的警情' },
    {
      key: 'scene',
      title: '现场处置',
      rows: open.filter((i) => i.arrivedAt && !(i.disturbanceStoppedAt && i.sceneClearedAt)),
      empty: '没有现场处置中的警情',
    },
  ];
  const byDue = (a: IncidentSummary, b: IncidentSummary) =>
    (arrivalOf.get(a.caseNumber)?.dueAt ?? a.reportedAt).localeCompare(arrivalOf.get(b.caseNumber)?.dueAt ?? b.reportedAt);

  return (
    <div data-testid="police-board" data-alerts={alerts} data-live={live}>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            实时警情看板
          </Typography.Title>
          {/* Beside the title: the new-incident notifications open at the top right and would cover it. */}
          <LiveIndicator mode={live} />
        </Space>
        <Space>
          {incidents.isError && <Tag color="orange">连接中断，正在重试…</Tag>}
          <Button icon={<SoundOutlined />} type={sound ? 'default' : 'primary'} onClick={() => setSound(enableSound())}>
            {sound ? '提示音已开启' : '开启提示音'}
          </Button>
        </Space>
      </Space>
      <Row gutter={16}>
        {columns.map((column) => (
          <Col xs={24} lg={8} key={column.key}>
            <Card
              title={
                <Space>
                  {column.title}
                  <Badge count={column.rows.length} showZero color={column.key === 'dispatch' && column.rows.length > 0 ? 'red' : 'blue'} />
                </Space>
              }
              styles={{ body: { background: '#fafafa', minHeight: 240 } }}
              data-testid={`column-${column.key}`}
            >
              {incidents.isPending ? null : column.rows.length === 0 ? (
                <Nothing>{column.empty}</Nothing>
              ) : (
                [...column.rows]
                  .sort(byDue)
                  .map((i) => (
                    <IncidentCard
                      key={i.caseNumber}
                      incident={i}
                      arrival={arrivalOf.get(i.caseNumber)}
                      fresh={fresh.has(i.caseNumber)}
                      seenAt={seenAt.get(i.caseNumber)}
                    />
                  ))
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
