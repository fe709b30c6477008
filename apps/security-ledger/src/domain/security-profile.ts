/**
 * A hospital's security profile as its security office files it (医院安全秩序管理基本情况).
 * Every part may be null: not yet filed, which the standards read as "unknown", never as "no".
 * Dates are Shanghai days (YYYY-MM-DD).
 */

export const SCREENING_EQUIPMENT = [
  'walk_through_metal_detector',
  'x_ray_baggage_scanner',
  'handheld_metal_detector',
  'liquid_detector',
] as const;
export type ScreeningEquipment = (typeof SCREENING_EQUIPMENT)[number];

export interface PoliceOfficeProfile {
  present: boolean;
  fullTimeOfficers: number;
  partTimeOfficers: number;
  auxiliaries: number;
  guards: number;
}

export interface SecurityProfile {
  /** 开放床位 */
  openBeds: number | null;
  /** 在岗医务人员 */
  onDutyMedicalStaff: number | null;
  /** 日均门诊量（人次） */
  dailyOutpatients: number | null;
  /** 专职保卫干部 */
  securityCadres: number | null;
  /** 保安员 */
  guards: number | null;
  /** 持证上岗的保安员 */
  certifiedGuards: number | null;
  policeOffice: PoliceOfficeProfile | null;
  screening: { mainEntrances: number; screenedMainEntrances: number; equipment: ScreeningEquipment[] } | null;
  alarms: {
    gate: boolean;
    departments: boolean;
    keyPlaces: boolean;
    networkedToMonitoringCentre: boolean;
    networkedToPolice: boolean;
  } | null;
  video: { keyPlacesCovered: boolean; highDefinition: boolean; retentionDays: number } | null;
  emergencyPlan: { adopted: boolean; revisedOn: string | null } | null;
  /** Days emergency drills were held. */
  drills: string[] | null;
  /** Security training sessions in the last twelve months. */
  trainingSessions: number | null;
  /** 医疗责任保险 */
  liabilityInsurance: boolean | null;
}

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
