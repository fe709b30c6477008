import { POLICE_CASE_STREAM_TYPE } from '@pingan/contracts';
import { clockStepsFor, type ClockSource, type ClockStep } from '@pingan/deadlines';

/**
 * The prosecution service's `clocksFor`: the steps a police case's events carry in `data.clocks`
 * (a 'stop' with outcome 'moot' cancels: see clockStepsOf). Other streams of the store move no clock.
 */
export const prosecutionClocksFor = (event: ClockSource & { streamType: string }): ClockStep[] =>
  event.streamType === POLICE_CASE_STREAM_TYPE ? clockStepsFor(event) : [];
