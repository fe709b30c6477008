import type { CallerDetails, IncidentIntake, RecordedCaller, SealedField } from '@pingan/contracts';

/** What the API says instead of the details once they are erased. */
export const CALLER_ERASED_NOTE = '已按规定删除';

/**
 * The caller as a reader gets it: `shown` (police working the case, audited), `withheld` (others:
 * masked), `erased` (after the retention period: 已按规定删除), `none` (the caller gave nothing).
 */
export type CallerView = CallerDetails & { status: 'shown' | 'withheld' | 'erased' | 'none'; note?: string };

export const isSealedCaller = (caller: RecordedCaller): caller is { sealed: SealedField } => 'sealed' in caller && !!caller.sealed;

/** Whether the recorded caller holds anything personal (sealed, or plain in an event written before sealing). */
export const hasCallerData = (caller: RecordedCaller): boolean =>
  isSealedCaller(caller) || (caller as CallerDetails).name !== null || (caller as CallerDetails).phone !== null;

/** The caller of a 110 intake, if any. */
export const recordedCallerOf = (intake: IncidentIntake | undefined): RecordedCaller | null =>
  intake?.channel === 'call_110' ? intake.caller : null;

const MASKED = { name: null, phone: null };

/** Pure: the view for a reader, given whether they may see it, whether it is erased, and the opened details. */
export function callerViewOf(
  recorded: RecordedCaller,
  facts: { entitled: boolean; erased: boolean; opened: CallerDetails | null },
): CallerView {
  if (!hasCallerData(recorded)) return { ...MASKED, status: 'none' };
  if (facts.erased) return { ...MASKED, status: 'erased', note: CALLER_ERASED_NOTE };
  if (!facts.entitled || facts.opened === null) return { ...MASKED, status: 'withheld' };
  return { ...facts.opened, status: 'shown' };
}

/** The intake with its caller replaced (for views and the list read model); other channels as they are. */
export function withCaller<T extends { intake: IncidentIntake }>(holder: T, caller: RecordedCaller | CallerView): T {
  return holder.intake.channel === 'call_110' ? { ...holder, intake: { ...holder.intake, caller } } : holder;
}
