import type { SecurityProfile } from '@pingan/contracts';
import type { Command } from '@pingan/platform';

/**
 * The hospital's security office files its profile (the whole of it: a PUT). Region, level and
 * ownership are what the directory knows of the hospital, never what the body says.
 */
export type FileSecurityProfile = Command<
  'FileSecurityProfile',
  {
    hospitalId: string;
    regionCode: string;
    level: '一级' | '二级' | '三级' | null;
    ownership: 'public' | 'private' | null;
    profile: SecurityProfile;
  }
>;

export type SecurityProfileCommand = FileSecurityProfile;
