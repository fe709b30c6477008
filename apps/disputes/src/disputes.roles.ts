import type { Role } from '@pingan/access';

/** Hospital steps (首诉负责制, notice, referral, settlement, payment, closing). */
export const HOSPITAL: Role[] = ['hospital_complaints_officer'];
/** Mediation steps: a mediation committee (人民调解) or a health commission (行政调解) it was referred to. */
export const MEDIATORS: Role[] = ['mediator', 'health_commission_official'];
/** Steps either side of a mediation may record (appraisals, liability agreed). */
export const HOSPITAL_OR_MEDIATORS: Role[] = [...HOSPITAL, ...MEDIATORS];
/** Who reads disputes (each only those the policy lets it see). */
export const READERS: Role[] = HOSPITAL_OR_MEDIATORS;
