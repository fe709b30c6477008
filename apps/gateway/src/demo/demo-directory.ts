import { randomInt } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SYSTEM_ACTOR } from '@pingan/contracts';
import type { Role } from '@pingan/access';
import { v5 as uuidv5 } from 'uuid';
import { RegisterOrganisationCommand, RegisterUserCommand, type NewOrganisation } from '../directory/commands/directory-use-cases.js';
import { DirectoryLookups } from '../directory/directory-lookups.js';

// Fixed namespace: the demo's ids are the same in every data directory, which makes seeding idempotent item by item.
const DEMO_NAMESPACE = '6b0e5c1e-3c7a-4d8e-9d4f-2a1b0c9d8e7f';
export const demoId = (key: string): string => uuidv5(`pingan-demo:${key}`, DEMO_NAMESPACE);

/**
 * A realistic county: 万州区 (500101) in Chongqing. Chongqing is a province-level municipality,
 * so its "city" level is the 市辖区 code 500100 under the province code 500000.
 */
export const DEMO_ORGANISATIONS: (NewOrganisation & { key: string; parentKey?: string })[] = [
  {
    key: 'hc-national',
    kind: 'health_commission',
    name: '国家卫生健康委员会',
    regionCode: '000000',
    details: { healthCommission: { level: 'national' } },
  },
  {
    key: 'hc-province',
    kind: 'health_commission',
    name: '重庆市卫生健康委员会',
    regionCode: '500000',
    details: { healthCommission: { level: 'province' } },
  },
  {
    key: 'hc-city',
    kind: 'health_commission',
    name: '重庆市卫生健康委员会（市辖区）',
    regionCode: '500100',
    details: { healthCommission: { level: 'city' } },
  },
  {
    key: 'hc-county',
    kind: 'health_commission',
    name: '万州区卫生健康委员会',
    regionCode: '500101',
    details: { healthCommission: { level: 'county' } },
  },
  {
    key: 'hospital-central',
    kind: 'hospital',
    name: '万州区中心医院',
    regionCode: '500101',
    details: { hospital: { level: '三级', ownership: 'public', beds: 1800, dailyOutpatients: 6500, hasPoliceOffice: true } },
  },
  {
    key: 'hospital-second',
    kind: 'hospital',
    name: '万州区第二人民医院',
    regionCode: '500101',
    details: { hospital: { level: '二级', ownership: 'public', beds: 450, dailyOutpatients: 1200, hasPoliceOffice: false } },
  },
  {
    key: 'clinic',
    kind: 'hospital',
    name: '万州康宁诊所',
    regionCode: '500101',
    details: { hospital: { level: '一级', ownership: 'private', beds: 12, dailyOutpatients: 90, hasPoliceOffice: false } },
  },
  {
    key: 'police-bureau',
    kind: 'police',
    name: '重庆市公安局万州区分局',
    regionCode: '500101',
    details: { police: { unitType: 'bureau' } },
  },
  {
    key: 'police-station',
    parentKey: 'police-bureau',
    kind: 'police',
    name: '万州区分局高笋塘派出所',
    regionCode: '500101',
    details: { police: { unitType: 'station' } },
  },
  {
    key: 'police-office',
    parentKey: 'police-station',
    kind: 'police',
    name: '万州区中心医院警务室',
    regionCode: '500101',
    details: { police: { unitType: 'hospital_police_office' } },
  },
  { key: 'mediation', kind: 'mediation_committee', name: '万州区医疗纠纷人民调解委员会', regionCode: '500101', details: {} },
  { key: 'procuratorate', kind: 'procuratorate', name: '重庆市万州区人民检察院', regionCode: '500101', details: {} },
  { key: 'court', kind: 'court', name: '重庆市万州区人民法院', regionCode: '500101', details: {} },
  { key: 'political-legal', kind: 'political_legal', name: '中共重庆市万州区委政法委员会', regionCode: '500101', details: {} },
];

export const DEMO_USERS: { username: string; displayName: string; organisationKey: string; roles: Role[]; phone: string }[] = [
  {
    username: 'wz.security',
    displayName: '王保卫',
    organisationKey: 'hospital-central',
    roles: ['hospital_security_officer'],
    phone: '023-58000001',
  },
  {
    username: 'wz.complaints',
    displayName: '陈投诉',
    organisationKey: 'hospital-central',
    roles: ['hospital_complaints_officer'],
    phone: '023-58000002',
  },
  {
    username: 'wz.second.security',
    displayName: '刘保卫',
    organisationKey: 'hospital-second',
    roles: ['hospital_security_officer'],
    phone: '023-58000003',
  },
  {
    username: 'wz.clinic',
    displayName: '周诊所',
    organisationKey: 'clinic',
    roles: ['hospital_security_officer', 'hospital_complaints_officer'],
    phone: '023-58000004',
  },
  {
    username: 'wz.dispatcher',
    displayName: '李接警',
    organisationKey: 'police-station',
    roles: ['police_dispatcher'],
    phone: '023-58000005',
  },
  {
    username: 'wz.case.officer',
    displayName: '赵办案',
    organisationKey: 'police-bureau',
    roles: ['police_case_officer'],
    phone: '023-58000006',
  },
  {
    username: 'wz.station.chief',
    displayName: '孙所长',
    organisationKey: 'police-station',
    roles: ['station_chief'],
    phone: '023-58000007',
  },
  {
    username: 'wz.police.office',
    displayName: '吴警务',
    organisationKey: 'police-office',
    roles: ['police_dispatcher'],
    phone: '023-58000008',
  },
  { username: 'wz.mediator', displayName: '郑调解', organisationKey: 'mediation', roles: ['mediator'], phone: '023-58000009' },
  {
    username: 'wz.hc',
    displayName: '冯区卫健',
    organisationKey: 'hc-county',
    roles: ['health_commission_official'],
    phone: '023-58000010',
  },
  {
    username: 'cq.city.hc',
    displayName: '褚市卫健',
    organisationKey: 'hc-city',
    roles: ['health_commission_official'],
    phone: '023-58000011',
  },
  {
    username: 'cq.hc',
    displayName: '卫省卫健',
    organisationKey: 'hc-province',
    roles: ['health_commission_official'],
    phone: '023-58000012',
  },
  {
    username: 'nhc.official',
    displayName: '蒋国卫健',
    organisationKey: 'hc-national',
    roles: ['health_commission_official'],
    phone: '010-60000013',
  },
  { username: 'wz.prosecutor', displayName: '沈检察', organisationKey: 'procuratorate', roles: ['prosecutor'], phone: '023-58000014' },
  { username: 'wz.judge', displayName: '韩法官', organisationKey: 'court', roles: ['judge'], phone: '023-58000015' },
  {
    username: 'wz.zfw',
    displayName: '杨政法',
    organisationKey: 'political-legal',
    roles: ['political_legal_officer'],
    phone: '023-58000016',
  },
  {
    username: 'admin',
    displayName: '系统管理员',
    organisationKey: 'political-legal',
    roles: ['system_administrator'],
    phone: '023-58000017',
  },
];

export interface DemoLogin {
  username: string;
  password: string;
  organisation: string;
  roles: Role[];
}

// No 0/O/1/l/I: the passwords are read off a terminal and typed in.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const demoPassword = (): string =>
  Array.from({ length: 3 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');

/**
 * Seeds the demo directory: what exists already is left alone (ids are fixed), so running it
 * again changes nothing. Returns the logins it created now, each with its own random password
 * (they exist nowhere else: the hash is all that is stored).
 */
export async function seedDemoDirectory(commands: CommandBus, directory: DirectoryLookups): Promise<DemoLogin[]> {
  const context = { actor: SYSTEM_ACTOR, correlationId: 'demo-directory-seed' };
  const names = new Map<string, string>();
  for (const { key, parentKey, ...organisation } of DEMO_ORGANISATIONS) {
    const organisationId = demoId(`organisation:${key}`);
    names.set(key, organisation.name);
    if (await directory.organisation(organisationId)) continue;
    await commands.execute(
      new RegisterOrganisationCommand(
        { ...organisation, organisationId, parentId: parentKey ? demoId(`organisation:${parentKey}`) : null },
        context,
      ),
    );
  }
  const created: DemoLogin[] = [];
  for (const user of DEMO_USERS) {
    const userId = demoId(`user:${user.username}`);
    if (await directory.user(userId)) continue;
    const password = demoPassword();
    await commands.execute(
      new RegisterUserCommand(
        {
          userId,
          organisationId: demoId(`organisation:${user.organisationKey}`),
          username: user.username,
          displayName: user.displayName,
          phone: user.phone,
          roles: user.roles,
          password,
        },
        context,
      ),
    );
    created.push({ username: user.username, password, organisation: names.get(user.organisationKey)!, roles: user.roles });
  }
  return created;
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.username.length));
  const lines = logins.map((l) => `  ${l.username.padEnd(width)}  ${l.password}  ${l.roles.join(',')} @ ${l.organisation}`);
  return [
    '',
    '=== pingan demo directory: logins (shown ONCE, now; only their hashes are stored) ===',
    ...lines,
    'POST /auth/login {"username","password"} → Bearer token. Delete DATA_DIR to start over.',
    '',
  ].join('\n');
}

/** Embedded mode: seed at start; print the logins to the terminal (not to the JSON log) the first time only. */
@Injectable()
export class DemoDirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoDirectory');
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: DirectoryLookups,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await seedDemoDirectory(this.commands, this.directory);
    if (created.length === 0) {
      this.logger.log('demo directory already seeded');
      return;
    }
    process.stdout.write(`${formatDemoLogins(created)}\n`);
    this.logger.log(`demo directory seeded: ${created.length} users`);
  }
}
