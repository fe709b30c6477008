import { defineErrors } from '@pingan/platform';

/** Directory rule violations (organisations, users). Stable codes: clients branch on them, never rename one. */
export class DirectoryError extends defineErrors({
  OrganisationNotFound: { code: 'ACCESS.ORGANISATION_NOT_FOUND', status: 404 },
  OrganisationExists: { code: 'ACCESS.ORGANISATION_EXISTS', status: 409 },
  OrganisationInvalid: { code: 'ACCESS.ORGANISATION_INVALID', status: 422 },
  OrganisationDeactivated: { code: 'ACCESS.ORGANISATION_DEACTIVATED', status: 422 },
  UserNotFound: { code: 'ACCESS.USER_NOT_FOUND', status: 404 },
  UserExists: { code: 'ACCESS.USER_EXISTS', status: 409 },
  UserDeactivated: { code: 'ACCESS.USER_DEACTIVATED', status: 422 },
  UsernameInvalid: { code: 'ACCESS.USERNAME_INVALID', status: 422 },
  UsernameTaken: { code: 'ACCESS.USERNAME_TAKEN', status: 409 },
  RoleNotAllowed: { code: 'ACCESS.ROLE_NOT_ALLOWED', status: 422 },
  PasswordTooShort: { code: 'ACCESS.PASSWORD_TOO_SHORT', status: 422 },
  // 409: the directory as it stands (no other active administrator) conflicts with the change.
  LastAdministrator: { code: 'ACCESS.LAST_ADMINISTRATOR', status: 409 },
}) {}
