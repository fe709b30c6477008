import { App, Badge, Button, Card, Flex, Pagination, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useOutletContext } from 'react-router';
import { messageOf } from '../shared/api/problem';
import { INBOX_PAGE_SIZE, useMarkNotification, useNotifications } from '../shared/api/queries';
import type { Me, NotificationItem, NotificationStatus } from '../shared/api/views';
import { apiLabel } from '../shared/labels';
import { useLive } from '../shared/live';
import { ErrorState, Loading, Nothing } from '../shared/states';
import { beijing } from '../shared/time';
import { consoleRouteOf } from './caseLink';

type Filter = NotificationStatus | 'all';
const FILTERS: Filter[] = ['unread', 'read', 'acknowledged', 'all'];
const URGENCY_COLOURS: Record<NotificationItem['urgency'], string | undefined> = { immediate: 'red', high: 'orange', normal: undefined };
const POLL_MS = 5_000;

function Item({ item, me }: { item: NotificationItem; me: Me }) {
  const { message } = App.useApp();
  const mark = useMarkNotification();
  const route = consoleRouteOf(item.link);
  const unread = item.status === 'unread';
  const act = (kind: 'read' | 'acknowledge') =>
    mark.mutate(
      { id: item.notificationId, mark: kind },
      {
        onSuccess: () => void (kind === 'acknowledge' && message.success('已签收')),
        onError: (error) => void message.error(messageOf(error)),
      },
    );
  // Opening an item (a click on it, or following its link) reads it.
  const open = () => unread && !mark.isPending && act('read');
  const who = item.acknowledgedBy === me.userId ? `本人（${me.username}）` : `${me.organisationName ?? '本单位'}同事`;

  return (
    <Card
      size="small"
      data-testid={`notification-${item.notificationId}`}
      data-status={item.status}
      data-case={item.caseNumber ?? undefined}
      data-rule={item.ruleId}
      onClick={open}
      style={{ borderLeft: `4px solid ${item.escalationOf ? '#fa541c' : unread ? '#1677ff' : '#f0f0f0'}`, cursor: unread ? 'pointer' : undefined }}
    >
      <Flex vertical gap={6}>
        <Flex gap={8} wrap align="center">
          {unread && <Badge status="processing" />}
          <Tag color={URGENCY_COLOURS[item.urgency]} style={{ marginInlineEnd: 0 }}>
            {apiLabel('urgency', item.urgency)}
          </Tag>
          {/* An escalated reminder's title begins 【未确认·升级】 (the server writes it so in every channel). */}
          <Typography.Text strong={unread} style={{ fontSize: 15, overflowWrap: 'anywhere' }} data-testid="notification-title">
            {item.title}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }}>{item.body}</Typography.Paragraph>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Typography.Text type="secondary">
            {beijing(item.createdAt)}
            {item.status === 'acknowledged' ? (
              <span data-testid="acknowledged">
                {' · '}
                <Typography.Text type="success">{apiLabel('notificationStatus', 'acknowledged')}</Typography.Text>：{who}，
                {beijing(item.acknowledgedAt)}
              </span>
            ) : (
              ` · ${apiLabel('notificationStatus', item.status)}`
            )}
          </Typography.Text>
          <Flex gap={8} wrap onClick={(e) => e.stopPropagation()}>
            {route && (
              <Link to={route} onClick={open} style={{ display: 'inline-block', padding: '6px 4px' }}>
                查看案件 {item.caseNumber}
              </Link>
            )}
            {unread && (
              <Button onClick={() => act('read')} loading={mark.isPending && mark.variables?.mark === 'read'}>
                标为已读
              </Button>
            )}
            {item.status !== 'acknowledged' && (
              <Button type="primary" onClick={() => act('acknowledge')} loading={mark.isPending && mark.variables?.mark === 'acknowledge'}>
                签收
              </Button>
            )}
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * 消息通知: what the rules sent this user (docs/notifications.md), newest first, by status. Reading is the
 * user's own; 签收 is for the whole organisation and enters the case history. Opened from the header's bell.
 */
export default function InboxPage() {
  const me = useOutletContext<Me>();
  const [filter, setFilter] = useState<Filter>('unread');
  const [page, setPage] = useState(1);
  // The bell (in the header) already refreshes every inbox query on a frame; this only learns whether to poll.
  const live = useLive(() => undefined);
  const list = useNotifications(filter === 'all' ? undefined : filter, page, live === 'live' ? undefined : POLL_MS);
  const empty = filter === 'all' ? '暂无消息' : `暂无${apiLabel('notificationStatus', filter)}消息`;

  return (
    <Card title="消息通知" styles={{ body: { paddingTop: 0 } }} data-testid="inbox">
      <Tabs
        activeKey={filter}
        onChange={(key) => {
          setFilter(key as Filter);
          setPage(1);
        }}
        items={FILTERS.map((f) => ({ key: f, label: f === 'all' ? '全部' : apiLabel('notificationStatus', f) }))}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Nothing>{empty}</Nothing>
      ) : (
        <Flex vertical gap={12}>
          {list.data.items.map((item) => (
            <Item key={item.notificationId} item={item} me={me} />
          ))}
          {list.data.total > INBOX_PAGE_SIZE && (
            <Pagination
              align="center"
              current={page}
              pageSize={INBOX_PAGE_SIZE}
              total={list.data.total}
              onChange={setPage}
              showSizeChanger={false}
              simple
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
