import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useDispute, useOrganisationName } from '../shared/api/queries';
import type { Claim, DisputeRoute, DisputeView, HistoryEntry } from '../shared/api/views';
import { CaseTimeline } from '../shared/CaseTimeline';
import { DayClock, isWorkingDayRule } from '../shared/DayClock';
import { disputeStage } from '../shared/disputeStage';
import { apiLabel, ruleLabel } from '../shared/labels';
import { ErrorState, Loading } from '../shared/states';
import { beijing } from '../shared/time';

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`;

/** The last event of a kind in the dispute's history (its data as the service recorded it). */
const last = <T,>(history: HistoryEntry[], type: string): (HistoryEntry & { data: T }) | undefined =>
  history.filter((e) => e.type === type).at(-1) as (HistoryEntry & { data: T }) | undefined;

function Clocks({ clocks }: { clocks: DisputeView['clocks'] }) {
  if (clocks.length === 0) return <Typography.Text type="secondary">未启动法定时限</Typography.Text>;
  return (
    <Space direction="vertical" data-testid="dispute-clocks">
      {clocks.map((c) => (
        <DayClock
          key={c.deadlineId}
          label={ruleLabel(c.rule)}
          workingDays={isWorkingDayRule(c.rule)}
          state={c.state}
          dueAt={c.dueAt}
          warnAt={c.warnAt}
          startedAt={c.startedAt}
          completedAt={c.completedAt}
        />
      ))}
    </Space>
  );
}

/** The dispute's case page: what it is, where it stands, its clocks, and the cross-agency timeline; printable. */
export default function DisputePage() {
  const { caseNumber = '' } = useParams();
  const view = useDispute(caseNumber);
  const orgName = useOrganisationName();
  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorState error={view.error} retry={() => void view.refetch()} />;
  const d = view.data;
  const opened = last<{ summary: string; claims: Claim[] }>(d.history, 'DisputeOpened');
  const notice = last<{ routes: DisputeRoute[]; method: string; note: string; notifiedAt: string }>(d.history, 'ResolutionRoutesNotified');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="case-page" data-testid="dispute-page">
      <Card
        title={
          <Space wrap>
            <span>医疗纠纷 {d.caseNumber}</span>
            <Tag color={d.status === 'open' ? 'blue' : 'default'} data-testid="dispute-stage">
              {disputeStage(d)}
            </Tag>
            {d.escalationRisk && <Tag color="red">矛盾激化风险</Tag>}
          </Space>
        }
        extra={
          <Space className="no-print">
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label="医院">{orgName(d.hospitalId)}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {apiLabel('disputeOrigin', d.origin)}
            {d.incident && (
              <>
                {' · '}
                <Link to={`/case/${d.incident.incidentId}`}>警情 {d.incident.incidentId}</Link>
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="受理时间">{beijing(d.openedAt)}</Descriptions.Item>
          <Descriptions.Item label="投诉事由" span={3}>
            {opened?.data.summary || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="投诉人" span={3}>
            {d.parties.map((p) => `${p.name}（${apiLabel('partyRelation', p.relation)}）`).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="诉求" span={3}>
            <Space direction="vertical" size={2}>
              {(opened?.data.claims ?? []).map((c, n) => (
                <span key={n}>
                  <Tag>{apiLabel('claimKind', c.kind)}</Tag>
                  {c.description}
                  {c.amountFen ? `（要求赔偿 ${yuan(c.amountFen)}）` : ''}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="多元化解告知" span={3}>
            {notice ? (
              <span data-testid="routes-notice">
                已告知（{beijing(notice.data.notifiedAt)}，{apiLabel('noticeMethod', notice.data.method)}）：
                {notice.data.routes.map((r) => apiLabel('disputeRoute', r)).join('、')}
                {notice.data.note ? `。${notice.data.note}` : ''}
              </span>
            ) : (
              <Typography.Text type="warning">尚未告知解决途径：告知前不能进入调解、诉讼等后续环节</Typography.Text>
            )}
          </Descriptions.Item>
          {d.remainingRoutes && (
            <Descriptions.Item label="仍可选择的途径" span={3}>
              {d.remainingRoutes.map((r) => apiLabel('disputeRoute', r)).join('、')}
            </Descriptions.Item>
          )}
          {d.mediation && <Descriptions.Item label="调解组织">{orgName(d.mediation.mediatorOrganisationId)}</Descriptions.Item>}
          {d.closedAt && <Descriptions.Item label="办结时间">{beijing(d.closedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title="法定时限" style={{ marginBottom: 16 }}>
            <Clocks clocks={d.clocks} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="全程记录">
            <CaseTimeline caseNumber={d.caseNumber} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
