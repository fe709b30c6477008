export { ACCESS_TOKEN_VERIFIER, AccessGuard } from './access.guard.js';
export { ACCESS_CLOCK, ACCESS_TOKEN_KEYS, AccessModule, type Clock } from './access.module.js';
export {
  ACCESS_PURPOSE_HEADER,
  AccessPurpose,
  CurrentPrincipal,
  IS_PUBLIC,
  Public,
  REQUIRED_ROLES,
  Roles,
  accessPurposeOf,
  principalOf,
  type RequestWithPrincipal,
} from './decorators.js';
export { AccessDeniedError, AccessError, UnauthenticatedError } from './errors.js';
export {
  PRIVATE_KEY_ENV,
  PUBLIC_KEY_ENV,
  checkAccessTokenKeys,
  generateAccessTokenKeyPair,
  loadAccessTokenKeys,
  type AccessTokenKeys,
  type KeySettings,
} from './keys.js';
export {
  accessReason,
  assertCanAccess,
  canAccess,
  canReadUserPersonalData,
  readScope,
  type AccessAction,
  type AccessReason,
  type ReadScope,
  type ResourceFacts,
} from './policy.js';
export { actorOf, hasRole, type Principal } from './principal.js';
export {
  READ_AUDIT_STREAM_TYPE,
  ReadAudit,
  SENSITIVE_RECORD_READ,
  listedReads,
  readAuditStreamId,
  type ListReadsOptions,
  type ListedRead,
  type ReadsPage,
  type RecordReadInput,
  type SensitiveRecordRead,
} from './read-audit.js';
export {
  NATIONAL_REGION,
  assertRegionCode,
  isRegionCode,
  parentRegion,
  regionContains,
  regionLevel,
  regionPrefix,
  type RegionLevel,
} from './regions.js';
export { regionName } from './region-names.js';
export { withNames, type NameFields } from './named.js';
export {
  HEALTH_COMMISSION_LEVELS,
  HOSPITAL_LEVELS,
  ORGANISATION_KINDS,
  POLICE_ROLES,
  POLICE_UNIT_TYPES,
  ROLES,
  ROLES_BY_KIND,
  isOrganisationKind,
  isRole,
  roleAllowedFor,
  type HealthCommissionLevel,
  type HospitalLevel,
  type OrganisationKind,
  type PoliceUnitType,
  type Role,
} from './roles.js';
export {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AccessTokenSigner,
  AccessTokenVerifier,
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS,
  maxTokenLifetimeFromEnv,
  type PrincipalClaims,
} from './tokens.js';
export {
  CreateDirectoryCopy1796184090000,
  DIRECTORY_TABLE,
  DirectoryError,
  OrganisationDirectory,
  applyDirectoryEvent,
  directoryMigrations,
  directorySubscription,
  requireAgreement,
  type DirectoryOrganisation,
} from './directory.js';
