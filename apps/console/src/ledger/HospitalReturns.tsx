import { Alert, App, Button, Card, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { messageOf } from '../shared/api/problem';
import { beijing } from '../shared/time';
import { useFileReturn, useReturns, type SelfInspectionReturn } from './api';
import { DueCountdown, FilingTag } from './parts';

/** Filing a return: a snapshot of the profile as it stands now, with optional evidence (attachment ids or links, one a line). */
function FileButton({ ret, revision }: { ret: SelfInspectionReturn; revision: number }) {
  const file = useFileReturn();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [evidence, setEvidence] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setProblem(null);
    try {
      const lines = [
        ...new Set(
          evidence
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        ),
      ];
      const result = await file.mutateAsync({ returnId: ret.returnId, evidence: lines });
      message.success(result.onTime ? '已按时填报' : '已填报（逾期）');
      setOpen(false);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  return (
    <>
      <Button type="primary" style={{ minHeight: 44 }} onClick={() => setOpen(true)} data-testid={`file-return-${ret.returnId}`}>
        提交填报
      </Button>
      <Modal
        open={open}
        title={`提交自查填报：${ret.title}`}
        okText="确认提交"
        cancelText="取消"
        onOk={() => void submit()}
        confirmLoading={file.isPending}
        onCancel={() => setOpen(false)}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            以当前安全台账（第 {revision} 版）作为截至 {ret.asOf} 的自查情况提交，提交后不可更改，之后的修改不影响本次填报。
          </Typography.Paragraph>
          <Input.TextArea
            rows={3}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            placeholder="佐证材料（附件编号或链接，每行一项，可不填）"
            aria-label="佐证材料"
          />
          {problem && <Alert type="error" showIcon message={problem} />}
        </Space>
      </Modal>
    </>
  );
}

/** The returns set for this hospital (its own row of each), due day counting down, filed or to file. */
export function HospitalReturns({ revision }: { revision: number }) {
  const { returns, isPending, error } = useReturns();
  return (
    <Card title="自查填报任务" size="small" style={{ marginTop: 12 }} data-testid="hospital-returns">
      {error ? (
        <Alert type="error" showIcon message={messageOf(error)} />
      ) : (
        <List
          loading={isPending}
          dataSource={returns}
          locale={{ emptyText: '暂无自查填报任务' }}
          renderItem={(ret) => {
            const own = ret.hospitals[0];
            const done = own?.status === 'on_time' || own?.status === 'late';
            return (
              <List.Item data-testid={`return-${ret.returnId}`} style={{ display: 'block' }}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text strong>{ret.title}</Typography.Text>
                  <Typography.Text type="secondary">
                    基准日 {ret.asOf}，截止 {ret.dueOn} 24:00（{ret.regionName}）
                  </Typography.Text>
                  <Space wrap>
                    {own && <FilingTag status={own.status} testId="filing-status" />}
                    <DueCountdown dueAt={ret.dueAt} setAt={ret.setAt} done={done} />
                    {done && own?.filedAt && (
                      <Typography.Text type="secondary">
                        {beijing(own.filedAt)} 提交（第 {own.profileRevision} 版）
                      </Typography.Text>
                    )}
                  </Space>
                  {!done &&
                    (revision > 0 ? (
                      <FileButton ret={ret} revision={revision} />
                    ) : (
                      <Typography.Text type="warning">请先填报安全台账，再提交本次自查。</Typography.Text>
                    ))}
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
