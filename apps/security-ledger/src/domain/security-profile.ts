import type { SecurityProfile } from '@pingan/contracts';

/** The profile's shape is public (libs/contracts/src/security-ledger.ts): the events carry it. */
export { SCREENING_EQUIPMENT, type PoliceOfficeProfile, type ScreeningEquipment, type SecurityProfile } from '@pingan/contracts';

export const emptyProfile = (): SecurityProfile => ({
  openBeds: null,
  onDutyMedicalStaff: null,
  dailyOutpatients: null,
  securityCadres: null,
  guards: null,
  certifiedGuards: null,
  policeOffice: null,
  screening: null,
  alarms: null,
  video: null,
  emergencyPlan: null,
  drills: null,
  trainingSessions: null,
  liabilityInsurance: null,
});
