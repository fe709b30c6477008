import type { Actor, HighRiskCategory, SealedField } from '@pingan/contracts';

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

type Base = { personId: string; at: Date; actor: Actor };

export type ProposeFlag = {
  type: 'ProposeFlag';
  data: Base & {
    identity: PersonIdentity;
    categories: CategoryGrounds[];
    organisationKind: string;
    regionCode: string;
  };
};
export type ApproveFlag = { type: 'ApproveFlag'; data: Base };
export type RejectFlag = { type: 'RejectFlag'; data: Base & { reason: PersonalText } };
export type GiveWarning = {
  type: 'GiveWarning';
  data: Base & { measureId: string; kind: 'reprimand' | 'warning' | 'legal_education'; note: PersonalText; organisationKind: string };
};
export type AssignStabilisationTask = {
  type: 'AssignStabilisationTask';
  data: Base & {
    taskId: string;
    kind: 'stabilisation' | 'help' | 'counselling';
    assigneeOrganisationId: string;
    assigneeKind: 'community' | 'police';
    note: PersonalText;
  };
};
export type CompleteStabilisationTask = { type: 'CompleteStabilisationTask'; data: Base & { taskId: string; outcome: PersonalText } };
export type ArrangeTreatment = {
  type: 'ArrangeTreatment';
  data: Base & { measureId: string; arrangement: 'outpatient_follow_up' | 'hospitalisation' | 'community_management'; note: PersonalText };
};
export type RenewFlag = { type: 'RenewFlag'; data: Base & { reason: PersonalText } };
export type RemoveFlag = { type: 'RemoveFlag'; data: Base & { reason: PersonalText } };
/** From the service's own DeadlineBreached on the review clock; acts as the system. */
export type ExpireFlag = { type: 'ExpireFlag'; data: Base & { deadlineId: string } };
/** A hospital's check matched this person (by keyed hash): alert only when the flag is active. */
export type CheckAtHospital = { type: 'CheckAtHospital'; data: Base & { alertId: string; hospitalRegionCode: string } };
/** Crypto-shredding: the service destroys the key in the same transaction. */
export type ErasePerson = { type: 'ErasePerson'; data: Base & { legalBasis: string } };

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
