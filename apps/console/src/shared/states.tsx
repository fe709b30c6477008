import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiProblem, messageOf, OfflineError } from './api/problem';

export const Loading = () => <Skeleton active paragraph={{ rows: 4 }} />;

/** A failed read: offline, no access, or another problem, each in words with what to do. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiProblem && error.status === 403)
    return <Result status="403" title="无权访问" subTitle="您所在单位无权查看此事项。如需查看，请联系案件所属单位。" />;
  return (
    <Alert
      type={error instanceof OfflineError ? 'warning' : 'error'}
      showIcon
      message={error instanceof OfflineError ? '网络中断' : '加载失败'}
      description={messageOf(error)}
      action={retry ? <Button onClick={retry}>重试</Button> : undefined}
    />
  );
}

export const Nothing = ({ children }: { children: ReactNode }) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={children} />;
