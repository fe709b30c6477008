import { Tag, Tooltip } from 'antd';
import { beijing, span } from './time';
import { useNow } from './useNow';

export interface ClockProps {
  label: string;
  /** running / warned / met / breached / lapsed / cancelled / paused, as the board reports it. */
  state: string;
  dueAt: string | null;
  warnAt?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  testId?: string;
}

/**
 * A legal clock as the people who answer for it read it: time left, counting down live; orange from the
 * rule's warn point, red once due ("已超时 …"); met and breached clocks stay visible with how it ended.
 * A lapsed clock (a window whose running out is its outcome, e.g. mediation) is no breach: grey, 期限届满.
 */
export function Clock({ label, state, dueAt, warnAt, startedAt, completedAt, testId }: ClockProps) {
  const now = useNow(1000);
  const due = dueAt ? new Date(dueAt).getTime() : null;
  let color = 'blue';
  let text: string;
  if (state === 'met') {
    color = 'green';
    const took = startedAt && completedAt ? `，用时 ${span(new Date(completedAt).getTime() - new Date(startedAt).getTime())}` : '';
    text = `已达标${took}`;
  } else if (state === 'cancelled') {
    color = 'default';
    text = '已取消';
  } else if (state === 'lapsed') {
    color = 'default';
    text = '期限届满';
  } else if (state === 'breached' || (due !== null && now >= due)) {
    color = 'red';
    text = due !== null ? `已超时 ${span(now - due)}` : '已超时';
  } else if (due === null) {
    text = '计时中';
  } else {
    if (state === 'warned' || (warnAt && now >= new Date(warnAt).getTime())) color = 'orange';
    text = `还剩 ${span(due - now)}`;
  }
  return (
    <Tooltip title={dueAt ? `截止 ${beijing(dueAt)}（北京时间）` : undefined}>
      <Tag
        color={color}
        data-testid={testId}
        data-state={state}
        style={{ fontSize: 14, padding: '2px 8px', fontVariantNumeric: 'tabular-nums' }}
      >
        {label}：{text}
      </Tag>
    </Tooltip>
  );
}
