import { Tag, Tooltip } from 'antd';
import { Clock } from '../shared/Clock';
import { beijing } from '../shared/time';
import { useNow } from '../shared/useNow';
import { useWorkingDays, workingDaysLeft } from './workingDays';

export interface CaseClockProps {
  label: string;
  state: string;
  dueAt: string;
  warnAt?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  /** A period of working days (the ministry entry's 3): its countdown is in working days, by the calendar. */
  workingDays?: boolean;
  provisional?: boolean;
  testId?: string;
}

const HOUR = 3_600_000;

/**
 * A police case's clock. Its periods are days, so a running one counts down in days: working days for a
 * working-day period (the calendar decides which days count), calendar days otherwise; the last day, and
 * every clock that is no longer running, as the shared Clock shows it.
 */
export function CaseClock(props: CaseClockProps) {
  const { label, state, dueAt, warnAt, workingDays, provisional, testId } = props;
  const now = useNow(30_000);
  const calendar = useWorkingDays(now, workingDays ? dueAt : null);
  const due = new Date(dueAt).getTime();
  const running = (state === 'running' || state === 'warned') && now < due;
  let text: string | null = null;
  if (running && workingDays && calendar) {
    const left = workingDaysLeft(now, dueAt, calendar);
    // On the last day the hours left are what matters: the shared countdown.
    if (left && !left.dueToday) text = `还剩 ${left.left} 个工作日`;
  } else if (running && !workingDays && due - now > 48 * HOUR) {
    text = `还剩 ${Math.floor((due - now) / (24 * HOUR))} 天`;
  }
  if (text === null) return <Clock {...props} testId={testId} />;
  const warned = state === 'warned' || (!!warnAt && now >= new Date(warnAt).getTime());
  return (
    <Tooltip title={`截止 ${beijing(dueAt)}（北京时间）${provisional ? '；节假日安排尚未公布，截止时间为暂定' : ''}`}>
      <Tag
        color={warned ? 'orange' : 'blue'}
        data-testid={testId}
        data-state={state}
        style={{ fontSize: 14, padding: '2px 8px', fontVariantNumeric: 'tabular-nums', whiteSpace: 'normal' }}
      >
        {label}：{text}
        {provisional ? '（暂定）' : ''}
      </Tag>
    </Tooltip>
  );
}
