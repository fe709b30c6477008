import { DownloadOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useOutletContext, useSearchParams } from 'react-router';
import { messageOf } from '../shared/api/problem';
import type { Me } from '../shared/api/views';
import { apiLabel } from '../shared/labels';
import { ErrorState, Loading } from '../shared/states';
import { beijing, beijingToday } from '../shared/time';
import { ActionButton } from './ActionButton';
import { saveDocument } from './download';
import { useAssessment, useAssessmentSheet, useRecordAssessment, type Assessment, type EffectiveSheet } from './inspectionsApi';
import { ComplianceTag } from './parts';

const thisYear = (): number => Number(beijingToday().slice(0, 4));

function SheetCard({ effective }: { effective: EffectiveSheet }) {
  const { sheet } = effective;
  return (
    <Card
      size="small"
      title={`考评细则：${sheet.title}`}
      extra={
        <Typography.Text type="secondary">
          {effective.origin === 'default'
            ? '系统默认细则'
            : `${effective.origin === effective.regionCode ? effective.regionName : '上级'}细则 · 第 ${effective.version} 版`}
        </Typography.Text>
      }
      data-testid="assessment-sheet"
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={sheet.items}
        columns={[
          { title: '考评内容', key: 'title', render: (_, i) => <div style={{ minWidth: 160, whiteSpace: 'normal' }}>{i.title}</div> },
          { title: '类别', key: 'kind', render: (_, i) => apiLabel('assessmentItemKind', i.kind) },
          { title: '分值', dataIndex: 'points', align: 'right' },
          { title: '依据', key: 'source', render: (_, i) => <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>{i.source ?? '—'}</div> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              合计
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {sheet.total}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              {sheet.bands.length ? sheet.bands.map((b) => `${b.grade} ≥ ${b.minScore}`).join('，') : '未设等次'}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        达标或不适用（合理缺项）得该项全部分值，未达标或待核实不得分；未填报台账的医院得 0 分。细则分值为本系统建议，各地可自行设定。
      </Typography.Paragraph>
    </Card>
  );
}

function Results({ assessment }: { assessment: Assessment }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await saveDocument(
        `/security-ledger/assessments/${assessment.assessmentId}.xlsx`,
        `${assessment.year}年度平安医院考评结果-${assessment.regionName}.xlsx`,
      );
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const graded = assessment.sheet.bands.length > 0;
  return (
    <Card
      size="small"
      title={`${assessment.year}年度考评结果 · ${assessment.regionName}`}
      extra={
        <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} style={{ minHeight: 44 }}>
          下载 XLSX
        </Button>
      }
      data-testid="assessment-results"
    >
      <Typography.Paragraph type="secondary">
        按 {assessment.asOf} 各院台账评分，{beijing(assessment.recordedAt)} 记录；细则“{assessment.sheet.title}”
        {assessment.sheet.origin === 'default' ? '（系统默认）' : `（第 ${assessment.sheet.version} 版）`}。
      </Typography.Paragraph>
      <Table<Assessment['hospitals'][number]>
        rowKey="hospitalId"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        dataSource={[...assessment.hospitals].sort((a, b) => b.total - a.total)}
        onRow={(row) => ({ 'data-testid': `assessment-row-${row.hospitalId}` }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          {
            title: '医院',
            key: 'name',
            fixed: 'left',
            render: (_, h) => (
              <div style={{ minWidth: 110, whiteSpace: 'normal' }}>
                <Link to={`/ledger/hospitals/${h.hospitalId}`}>{h.name}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {h.regionName}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: '总分',
            key: 'total',
            align: 'right',
            render: (_, h) => (
              <Typography.Text strong data-testid="total">
                {h.total}
              </Typography.Text>
            ),
          },
          ...(graded ? [{ title: '等次', key: 'grade', render: (_: unknown, h: Assessment['hospitals'][number]) => h.grade ?? '—' }] : []),
          { title: '达标情况', key: 'compliance', render: (_, h) => <ComplianceTag compliance={h.compliance} /> },
          ...assessment.sheet.items.map((item) => ({
            title: `${item.title}（${item.points}）`,
            key: item.id,
            align: 'right' as const,
            render: (_: unknown, h: Assessment['hospitals'][number]) => {
              const s = h.scores.find((x) => x.itemId === item.id);
              if (!s) return '—';
              return (
                <span title={`${apiLabel('securityRequirementStatus', s.status)}：${s.figure}`}>
                  {s.score === 0 ? <Tag color={s.status === 'unknown' ? 'gold' : 'red'}>0</Tag> : s.score}
                </span>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

/** 年度考评 of a health commission: the region's scoring sheet, 开展考评 for a year, and the result with its XLSX. */
export default function AssessmentPage() {
  const me = useOutletContext<Me>();
  const [params, setParams] = useSearchParams();
  const assessmentId = params.get('id');
  const sheet = useAssessmentSheet(me.organisationRegion);
  const assessment = useAssessment(assessmentId);
  const record = useRecordAssessment();
  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <ErrorState error={sheet.error} retry={() => void sheet.refetch()} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 1200 }}>
      <Breadcrumb items={[{ title: <Link to="/ledger">安全台账</Link> }, { title: '年度考评' }]} />
      <Card
        size="small"
        title={`平安医院年度考评 · ${sheet.data.regionName}`}
        extra={
          <ActionButton<{ year: number }>
            label="开展考评"
            title="开展年度考评"
            okText="开始评分"
            done="考评已完成"
            button={{ type: 'primary' }}
            initialValues={{ year: thisYear() }}
            submit={async (v) => {
              const result = await record.mutateAsync({ year: v.year });
              setParams({ id: result.assessmentId });
            }}
          >
            <Typography.Paragraph>
              按各院当前台账和本辖区考评细则，为辖区内每家医院逐项评分；结果一经记录不因之后的台账或细则修改而改变。
            </Typography.Paragraph>
            <Form.Item name="year" label="考评年度">
              <InputNumber size="large" min={2000} max={thisYear()} style={{ width: '100%' }} />
            </Form.Item>
          </ActionButton>
        }
      >
        <Typography.Text type="secondary">{me.organisationName}</Typography.Text>
      </Card>
      {assessmentId &&
        (assessment.isPending ? (
          <Loading />
        ) : assessment.isError ? (
          <ErrorState error={assessment.error} retry={() => void assessment.refetch()} />
        ) : (
          <Results assessment={assessment.data} />
        ))}
      <SheetCard effective={sheet.data} />
    </Space>
  );
}
