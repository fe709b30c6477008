import { messageFor } from '../domain/messages.js';
import { NOTIFICATION_RULES, triggers, type NotificationRule } from '../domain/rules.js';
import { memoryDirectory } from '../notifications.fixture.js';
import { ROUTED_CONTEXTS } from '../routing/notification-router.js';
import { caseRolesOf, resolveAddressees, type CaseFacts } from './who-is-who.js';

const directory = memoryDirectory();
const rule = (id: string): NotificationRule => NOTIFICATION_RULES.find((r) => r.id === id)!;
const at = (hospitalId: string | null, regionCode: string, policeUnitIds: string[] = []): CaseFacts => ({
  hospitalId,
  regionCode,
  policeUnitIds,
});

/** Who a rule tells about an event, as `organisation[roles]`, sorted. */
async function told(ruleId: string, data: Record<string, unknown>, facts: CaseFacts): Promise<string[]> {
  const addressees = await resolveAddressees(rule(ruleId).addressees, data, facts, directory);
  // Everybody who works cases there is written as the bare organisation.
  const everybody = (a: (typeof addressees)[number]) => a.roles.join() === caseRolesOf(a.kind).join();
  return addressees.map((a) => (everybody(a) ? a.organisationId : `${a.organisationId}[${a.roles.join(',')}]`)).sort();
}

/** The rules that fire for an event. */
const firing = (context: string, type: string, data: Record<string, unknown>): string[] =>
  NOTIFICATION_RULES.filter((r) => r.on.some((t) => triggers(t, { context, type, data }))).map((r) => r.id);

describe('who is told what', () => {
  describe('a new incident or one-key alarm at a hospital', () => {
    it('reaches the hospital’s security office, its police office and the station that office belongs to — nobody else', async () => {
      expect(firing('incidents', 'IncidentReported', { major: false })).toEqual(['incident-reported']);
      expect(await told('incident-reported', {}, at('hospital-central', '500101'))).toEqual([
        'hospital-central[hospital_security_officer]',
        'office-central',
        'station-wz[police_case_officer,police_dispatcher]',
      ]);
    });

    it('at a hospital without a police office: the hospital and the stations of its county, not another hospital’s office', async () => {
      expect(await told('incident-reported', {}, at('hospital-second', '500101'))).toEqual([
        'hospital-second[hospital_security_officer]',
        'station-wz-2[police_case_officer,police_dispatcher]',
        'station-wz[police_case_officer,police_dispatcher]',
      ]);
    });

    it('in another county: that county’s hospital, its office (linked by id) and its station only', async () => {
      expect(await told('incident-reported', {}, at('hospital-yz', '500103'))).toEqual([
        'hospital-yz[hospital_security_officer]',
        'office-yz',
        'station-yz[police_case_officer,police_dispatcher]',
      ]);
    });

    it('not acknowledged in time: the station chief of the station on duty', async () => {
      const escalation = rule('incident-reported').escalation!;
      expect(escalation.afterMinutes).toBeGreaterThan(0);
      const addressees = await resolveAddressees(escalation.to, {}, at('hospital-central', '500101'), directory);
      expect(addressees.map((a) => [a.organisationId, a.roles])).toEqual([['station-wz', ['station_chief']]]);
    });
  });

  describe('a major incident', () => {
    it('reported major, or reclassified as major, reaches the county’s health commission and 政法(综治) office', async () => {
      expect(firing('incidents', 'IncidentReported', { major: true })).toEqual(['incident-reported', 'incident-major']);
      expect(firing('incidents', 'IncidentReclassified', { majorBefore: false, majorAfter: true })).toEqual(['incident-major']);
      expect(firing('incidents', 'IncidentReclassified', { majorBefore: true, majorAfter: true })).toEqual([]);
      expect(await told('incident-major', {}, at('hospital-central', '500101'))).toEqual(['hc-wz', 'zfw-wz']);
      expect(await told('incident-major', {}, at('hospital-yz', '500103'))).toEqual(['hc-yz', 'zfw-yz']);
    });

    it('each forward reaches the next level of its chain', async () => {
      const facts = at('hospital-central', '500101');
      expect(await told('escalation-forwarded', { chain: 'health', toLevel: 'city' }, facts)).toEqual(['hc-city']);
      expect(await told('escalation-forwarded', { chain: 'health', toLevel: 'province' }, facts)).toEqual(['hc-province']);
      expect(await told('escalation-forwarded', { chain: 'health', toLevel: 'national' }, facts)).toEqual(['hc-national']);
      expect(await told('escalation-forwarded', { chain: 'police', toLevel: 'city_bureau' }, facts)).toEqual(['city-bureau']);
    });
  });

  describe('legal clocks', () => {
    it('a warning reaches the responsible unit; a breach the unit and its supervisor (named, else its parent)', async () => {
      expect(firing('incidents', 'DeadlineWarned', {})).toEqual(['deadline-warned']);
      const facts = at('hospital-central', '500101');
      expect(await told('deadline-warned', { responsibleOrganisationId: 'station-wz' }, facts)).toEqual(['station-wz']);
      expect(
        await told('deadline-breached', { responsibleOrganisationId: 'station-wz', supervisingOrganisationId: 'city-bureau' }, facts),
      ).toEqual(['city-bureau', 'station-wz']);
      expect(await told('deadline-breached', { responsibleOrganisationId: 'station-wz', supervisingOrganisationId: null }, facts)).toEqual([
        'bureau-wz',
        'station-wz',
      ]);
    });

    it('a self-inspection return overdue: the generic clock rules tell the hospital, and on a breach the commission that set it', async () => {
      expect(ROUTED_CONTEXTS).toContain('security-ledger');
      const clock = { rule: 'self-inspection-return', responsibleOrganisationId: 'hospital-central', supervisingOrganisationId: 'hc-wz' };
      expect(firing('security-ledger', 'DeadlineWarned', clock)).toEqual(['deadline-warned']);
      expect(firing('security-ledger', 'DeadlineBreached', clock)).toEqual(['deadline-breached']);
      const facts = at('hospital-central', '500101');
      expect(await told('deadline-warned', clock, facts)).toEqual(['hospital-central']);
      expect(await told('deadline-breached', clock, facts)).toEqual(['hc-wz', 'hospital-central']);
    });

    it('a rectification item overdue: the hospital is told, and on a breach the unit that inspected (here the police station)', async () => {
      const clock = { rule: 'rectification-item', responsibleOrganisationId: 'hospital-central', supervisingOrganisationId: 'station-wz' };
      expect(firing('security-ledger', 'DeadlineWarned', clock)).toEqual(['deadline-warned']);
      expect(firing('security-ledger', 'DeadlineBreached', clock)).toEqual(['deadline-breached']);
      const facts = at('hospital-central', '500101');
      expect(await told('deadline-warned', clock, facts)).toEqual(['hospital-central']);
      expect(await told('deadline-breached', clock, facts)).toEqual(['hospital-central', 'station-wz']);
    });
  });

  describe('a high-risk person’s appointment or arrival check matched', () => {
    const alert = {
      personId: 'p-1',
      hospitalId: 'hospital-central',
      advice: ['security_escort', 'notify_police'],
      checkedAt: '2026-11-22T01:00:00Z',
    };

    it('reaches the hospital’s security office, its police office and its station', async () => {
      expect(firing('high-risk-persons', 'ArrivalAlertRaised', alert)).toEqual(['high-risk-arrival']);
      expect(await told('high-risk-arrival', alert, at('hospital-central', '500101'))).toEqual([
        'hospital-central[hospital_security_officer]',
        'office-central',
        'station-wz',
      ]);
    });

    it('tells what to do and never who: the hospital gets no pseudonym and no link; police get the audited link', () => {
      const input = {
        ruleId: 'high-risk-arrival',
        type: 'ArrivalAlertRaised',
        context: 'high-risk-persons',
        correlationId: 'p-1',
        data: alert,
      };
      const hospital = messageFor({ ...input, addresseeKind: 'hospital', hospitalName: '万州区中心医院', linkAllowed: false });
      expect(hospital.body).toContain('安保陪诊、通知公安');
      expect(JSON.stringify(hospital)).not.toContain('p-1');
      expect(hospital.caseNumber).toBeNull();
      const police = messageFor({ ...input, addresseeKind: 'police', hospitalName: '万州区中心医院', linkAllowed: true });
      expect(police.link).toBe('/high-risk-persons/p-1');
    });
  });

  it('a dispute likely to escalate reaches the police station and the county health commission', async () => {
    expect(await told('dispute-escalation-risk', {}, at('hospital-second', '500101'))).toEqual(['hc-wz', 'station-wz', 'station-wz-2']);
  });

  it('a supervision put on a case reaches the units working it (its hospital, the police dispatched)', async () => {
    expect(await told('supervision-started', {}, at('hospital-central', '500101', ['station-wz']))).toEqual([
      'hospital-central',
      'station-wz',
    ]);
  });

  it('never tells a system administrator about a case (they run the directory)', async () => {
    const [office] = await resolveAddressees([{ unit: 'political_legal' }], {}, at('hospital-central', '500101'), directory);
    expect(office.roles).toEqual(['political_legal_officer']);
  });

  it('an unknown or deactivated unit is told nothing (and nobody else instead)', async () => {
    const gone = memoryDirectory([]);
    expect(await resolveAddressees(rule('incident-reported').addressees, {}, at('hospital-central', '500101'), gone)).toEqual([]);
  });
});
