import type { SecurityProfile } from '@pingan/contracts';
import type { Command } from '@pingan/platform';

/**
 * A health commission sets a self-inspection return for the hospitals of a region (its own or one
 * below it). The hospitals are those the directory knows there when it is set (the handler's list).
 */
export type SetSelfInspectionReturn = Command<
  'SetSelfInspectionReturn',
  {
    returnId: string;
    commissionId: string;
    /** The commission's own region: the return's region must be it or below it. */
    commissionRegion: string;
    regionCode: string;
    title: string;
    asOf: string;
    dueOn: string;
    hospitalIds: string[];
  }
>;

/** The hospital's security office files its return: a snapshot of its current profile, with evidence references. */
export type FileSelfInspectionReturn = Command<
  'FileSelfInspectionReturn',
  {
    returnId: string;
    hospitalId: string;
    profileRevision: number | null;
    profile: SecurityProfile | null;
    evidence: string[];
  }
>;

export type SelfInspectionReturnCommand = SetSelfInspectionReturn | FileSelfInspectionReturn;
