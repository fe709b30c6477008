import type { HighRiskCategory, SealedField } from '@pingan/contracts';
import type { Command } from '@pingan/platform';

/**
 * Free text about the person (behaviour, notes, reasons): the plain text, which the decider
 * checks (present, long enough), and its ciphertext under the person's key, which is all the
 * events keep. The service seals before it decides; the decider never sees a key.
 */
export type PersonalText = { text: string; sealed: SealedField };

/** Identity as entered, checked by the decider; only `sealed` is written. */
export type PersonIdentity = { name: string; idNumber: string; phone: string | null; sealed: SealedField };

/** Grounds of one category: concrete, written behaviour (sealed with its incident/case links). */
export type CategoryGrounds = { category: HighRiskCategory; behaviour: PersonalText };

/**
 * Commands on one person, in the one command shape: `metadata.now` is when the step is recorded,
 * `metadata.actor` who takes it (the rules on roles and organisations read it).
 */
type Base = { personId: string };

export type ProposeFlag = Command<
  'ProposeFlag',
  Base & {
    identity: PersonIdentity;
    categories: CategoryGrounds[];
    organisationKind: string;
    regionCode: string;
  }
>;
export type ApproveFlag = Command<'ApproveFlag', Base>;
export type RejectFlag = Command<'RejectFlag', Base & { reason: PersonalText }>;
export type GiveWarning = Command<
  'GiveWarning',
  Base & { measureId: string; kind: 'reprimand' | 'warning' | 'legal_education'; note: PersonalText; organisationKind: string }
>;
export type AssignStabilisationTask = Command<
  'AssignStabilisationTask',
  Base & {
    taskId: string;
    kind: 'stabilisation' | 'help' | 'counselling';
    assigneeOrganisationId: string;
    assigneeKind: 'community' | 'police';
    note: PersonalText;
  }
>;
export type CompleteStabilisationTask = Command<'CompleteStabilisationTask', Base & { taskId: string; outcome: PersonalText }>;
export type ArrangeTreatment = Command<
  'ArrangeTreatment',
  Base & { measureId: string; arrangement: 'outpatient_follow_up' | 'hospitalisation' | 'community_management'; note: PersonalText }
>;
export type RenewFlag = Command<'RenewFlag', Base & { reason: PersonalText }>;
export type RemoveFlag = Command<'RemoveFlag', Base & { reason: PersonalText }>;
/** From the service's own DeadlineBreached on the review clock; acts as the system, at the breach's instant. */
export type ExpireFlag = Command<'ExpireFlag', Base & { deadlineId: string }>;
/** A hospital's check matched this person (by keyed hash): alert only when the flag is active. */
export type CheckAtHospital = Command<'CheckAtHospital', Base & { alertId: string; hospitalRegionCode: string }>;
/** Crypto-shredding: the service destroys the key in the same transaction. */
export type ErasePerson = Command<'ErasePerson', Base & { legalBasis: string }>;

export type HighRiskPersonCommand =
  | ProposeFlag
  | ApproveFlag
  | RejectFlag
  | GiveWarning
  | AssignStabilisationTask
  | CompleteStabilisationTask
  | ArrangeTreatment
  | RenewFlag
  | RemoveFlag
  | ExpireFlag
  | CheckAtHospital
  | ErasePerson;
