import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { NOTIFICATIONS_KEY, useUnreadCount } from './api/queries';
import { useLive } from './live';

const POLL_MS = 5_000;
// With the stream up a frame says when to look; the slow refresh still sees a colleague's 签收 or a read in another tab.
const LIVE_REFRESH_MS = 30_000;

/**
 * The header's bell: the user's unread notifications, counted up the instant the stream brings one (then the
 * count and any open inbox page are asked again), polled while the stream is down. Opens 消息通知.
 */
export function InboxBell({ phone }: { phone: boolean }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const live = useLive(() => {
    client.setQueryData<number>([...NOTIFICATIONS_KEY, 'unread-count'], (n) => (n === undefined ? n : n + 1));
    void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  });
  const unread = useUnreadCount(live === 'live' ? LIVE_REFRESH_MS : POLL_MS).data ?? 0;
  return (
    <Badge count={unread} overflowCount={99} offset={[-4, 4]}>
      <Button
        icon={<BellOutlined />}
        size={phone ? 'large' : 'middle'}
        aria-label={unread ? `消息通知，${unread} 条未读` : '消息通知'}
        data-testid="inbox-bell"
        data-unread={unread}
        data-live={live}
        onClick={() => navigate('/inbox')}
      />
    </Badge>
  );
}
