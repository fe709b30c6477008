import { Tag, Tooltip } from 'antd';
import { Clock } from './Clock';
import { beijing } from './time';
import { useNow } from './useNow';
import { useWorkingDays, workingDaysLeft } from './workingDays';

/** Clocks whose period is working days (the API's rule names: prosecution's and disputes' deadline-rules.ts). */
const WORKING_DAY_RULES = [/^ministry-system-entry/, /^peoples-mediation/, /^administrative-mediation/];

export const isWorkingDayRule = (rule: string): boolean => WORKING_DAY_RULES.some((pattern) => pattern.test(rule));

export interface DayClockProps {
  label: string;
  state: string;
  /** Null while the clock is paused (an appraisal stops the mediation period). */
  dueAt: string | null;
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
 * A clock whose period is days (a police case's, a mediation's), so a running one counts down in days: working days for a
 * working-day period (the calendar decides which days count), calendar days otherwise; the last day, and
 * every clock that is no longer running, as the shared Clock shows it.
 */
export function DayClock(props: DayClockProps) {
  const { label, state, dueAt, warnAt, workingDays, provisional, testId } = props;
  const now = useNow(30_000);
  const calendar = useWorkingDays(now, workingDays ? dueAt : null);
  if (dueAt === null) return <Clock {...props} testId={testId} />;
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
