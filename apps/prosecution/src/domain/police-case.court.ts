import type { CourtVerdict, CriminalSentence, ProsecutionClockInstruction, ProsecutionEvent } from '@pingan/contracts';
import { deadlineId, RULE } from './deadline-rules.js';
import type { DeliverFirstInstanceVerdict, RecordFinalJudgement } from './police-case.commands.js';
import { CODE, ProsecutionConflictError, ProsecutionForbiddenError, ProsecutionRuleError } from './police-case.errors.js';
import { iso, notBefore, openCase, refOf, suspectOf, oneEvent, type PhaseDecide } from './police-case.guards.js';
import type { OpenPoliceCase, SuspectState } from './police-case.state.js';

/** Stops the verdict's appeal window where one was started: met by an appeal, moot when the court records the verdict final. */
function stopAppealWindow(state: OpenPoliceCase, suspect: SuspectState, at: Date, outcome: 'done' | 'moot'): ProsecutionClockInstruction[] {
  const rule = suspect.verdict?.appealWindow;
  if (!rule) return [];
  return [{ action: 'stop', deadlineId: deadlineId.appealWindow(state.caseNumber, suspect.suspectId), rule, at: iso(at), outcome }];
}

/** First-instance trial and verdict, appeal (上诉) and the final judgement. */
export type CourtCommand = 'StartFirstInstanceTrial' | 'DeliverFirstInstanceVerdict' | 'FileAppeal' | 'RecordFinalJudgement';

function sentenceFits(verdict: CourtVerdict, sentence: CriminalSentence | null): void {
  if ((verdict === 'guilty') !== (sentence !== null)) {
    throw new ProsecutionRuleError(
      CODE.sentenceMismatch,
      verdict === 'guilty' ? 'A guilty verdict needs a sentence (or exemption).' : 'A not-guilty verdict carries no sentence.',
    );
  }
}

function deliverVerdict(command: DeliverFirstInstanceVerdict, state: OpenPoliceCase): ProsecutionEvent[] {
  const { data, metadata } = command;
  const suspect = suspectOf(state, data.suspectId);
  if (suspect.prosecution !== 'indicted') {
    throw new ProsecutionRuleError(CODE.notIndicted, `Suspect ${suspect.suspectId} has not been indicted.`);
  }
  if (suspect.courtId !== metadata.actor.organisationId) {
    throw new ProsecutionForbiddenError(CODE.wrongCourt, `Only the court the indictment went to can deliver the verdict.`);
  }
  if (!suspect.onTrial) throw new ProsecutionRuleError(CODE.trialNotStarted, `The trial of ${suspect.suspectId} has not started.`);
  if (suspect.verdict) {
    throw new ProsecutionConflictError(CODE.verdictAlreadyDelivered, `A verdict on ${suspect.suspectId} was already delivered.`);
  }
  sentenceFits(data.verdict, data.sentence);
  const decisionKind = data.decisionKind ?? 'judgement';
  // When it was delivered, as the court stated it (the pipeline bounds it): the appeal window counts from then.
  const at = metadata.occurredAt ?? metadata.now;
  return oneEvent(refOf(state), 'FirstInstanceVerdictDelivered', {
    courtId: suspect.courtId,
    suspectId: suspect.suspectId,
    verdict: data.verdict,
    sentence: data.sentence,
    deliveredAt: iso(at),
    decisionKind,
    // The period counts from the day after the written judgement is received (CPL art. 230): the
    // delivery is taken as its receipt, and day rules never count the start day.
    clocks: [
      {
        action: 'start',
        deadlineId: deadlineId.appealWindow(state.caseNumber, suspect.suspectId),
        rule: decisionKind === 'ruling' ? RULE.appealWindowRuling : RULE.appealWindow,
        startedAt: iso(at),
        responsibleOrganisationId: suspect.courtId,
      },
    ],
  });
}

function recordFinal(command: RecordFinalJudgement, state: OpenPoliceCase): ProsecutionEvent[] {
  const { data, metadata } = command;
  const suspect = suspectOf(state, data.suspectId);
  if (!suspect.verdict) throw new ProsecutionRuleError(CODE.noVerdict, `No first-instance verdict on ${suspect.suspectId}.`);
  if (suspect.final) {
    throw new ProsecutionConflictError(CODE.judgementAlreadyFinal, `The judgement on ${suspect.suspectId} is already final.`);
  }
  sentenceFits(data.verdict, data.sentence);
  if (!suspect.appealed) {
    // Unappealed, the first-instance verdict itself becomes final: it cannot change on the way.
    if (suspect.courtId !== metadata.actor.organisationId) {
      throw new ProsecutionForbiddenError(CODE.wrongCourt, 'Only the first-instance court records its unappealed verdict as final.');
    }
    const same = suspect.verdict.verdict === data.verdict && JSON.stringify(suspect.verdict.sentence) === JSON.stringify(data.sentence);
    if (!same) {
      throw new ProsecutionRuleError(CODE.sentenceMismatch, 'Without an appeal, the final judgement is the first-instance verdict.');
    }
  }
  const at = metadata.occurredAt ?? metadata.now;
  if (suspect.verdict.deliveredAt) notBefore(suspect.verdict.deliveredAt, at, 'The final judgement');
  return oneEvent(refOf(state), 'FinalJudgementRecorded', {
    courtId: metadata.actor.organisationId,
    suspectId: suspect.suspectId,
    verdict: data.verdict,
    sentence: data.sentence,
    basis: suspect.appealed ? 'second_instance' : 'first_instance_not_appealed',
    finalAt: iso(at),
    // After an appeal the window was met already; otherwise a window still open ends (a lapsed one stays lapsed).
    clocks: suspect.appealed ? [] : stopAppealWindow(state, suspect, at, 'moot'),
  });
}

export const court: PhaseDecide<CourtCommand> = {
  StartFirstInstanceTrial(command, state) {
    const { metadata } = command;
    const s = openCase(command, state);
    const indicted = Object.values(s.suspects).filter((suspect) => suspect.prosecution === 'indicted');
    if (indicted.length === 0) throw new ProsecutionRuleError(CODE.notIndicted, `Nobody in case ${s.caseNumber} has been indicted.`);
    const here = indicted.filter((suspect) => suspect.courtId === metadata.actor.organisationId);
    if (here.length === 0) throw new ProsecutionForbiddenError(CODE.wrongCourt, 'The indictment did not go to this court.');
    const defendants = here.filter((suspect) => !suspect.onTrial);
    if (defendants.length === 0) {
      throw new ProsecutionConflictError(CODE.trialAlreadyStarted, `The trial in case ${s.caseNumber} has already started.`);
    }
    return oneEvent(refOf(s), 'FirstInstanceTrialStarted', {
      courtId: metadata.actor.organisationId,
      defendantIds: defendants.map((suspect) => suspect.suspectId),
      startedAt: iso(metadata.occurredAt ?? metadata.now),
    });
  },
  DeliverFirstInstanceVerdict: (command, state) => deliverVerdict(command, openCase(command, state)),
  FileAppeal(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    const suspect = suspectOf(s, data.suspectId);
    if (!suspect.verdict) throw new ProsecutionRuleError(CODE.noVerdict, `No first-instance verdict on ${suspect.suspectId}.`);
    if (suspect.final) {
      throw new ProsecutionRuleError(CODE.judgementAlreadyFinal, `The judgement on ${suspect.suspectId} is already final.`);
    }
    if (suspect.appealed)
      throw new ProsecutionConflictError(CODE.alreadyAppealed, `The verdict on ${suspect.suspectId} is already appealed.`);
    // Filed in time but entered late: the window is met by the instant it was filed.
    const at = metadata.occurredAt ?? metadata.now;
    if (suspect.verdict.deliveredAt) notBefore(suspect.verdict.deliveredAt, at, 'The appeal');
    return oneEvent(refOf(s), 'AppealFiled', {
      suspectId: suspect.suspectId,
      appellant: data.appellant,
      filedAt: iso(at),
      clocks: stopAppealWindow(s, suspect, at, 'done'),
    });
  },
  RecordFinalJudgement: (command, state) => recordFinal(command, openCase(command, state)),
};
