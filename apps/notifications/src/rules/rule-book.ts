import type { Query } from '@pingan/event-store';
import { regionContains, regionLevel, type RegionLevel } from '@pingan/access';
import { NOTIFICATION_RULES, effectiveRule, type NotificationRule, type RuleOverride } from '../domain/rules.js';
import { SCHEMA } from '../inbox/notification-store.js';

export interface StoredOverride {
  ruleId: string;
  regionCode: string;
  override: RuleOverride;
  updatedAt: string;
  updatedBy: string;
}

const LEVEL_RANK: Record<RegionLevel, number> = { national: 0, province: 1, city: 2, county: 3 };

/** The rules table with the administrators' regional overrides on top (table `rule_overrides`). */
export const ruleBook = {
  async overrides(query: Query, ruleId?: string): Promise<StoredOverride[]> {
    const rows = await query<StoredOverride & { updatedAt: Date }>(
      `SELECT rule_id AS "ruleId", region_code AS "regionCode", override, updated_at AS "updatedAt", updated_by AS "updatedBy"
         FROM ${SCHEMA}.rule_overrides ${ruleId ? 'WHERE rule_id = $1' : ''} ORDER BY rule_id, region_code`,
      ruleId ? [ruleId] : [],
    );
    return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
  },

  /** The rule as it applies to an event in `regionCode`: the override of the most specific region containing it wins. */
  async effective(query: Query, rule: NotificationRule, regionCode: string | null): Promise<NotificationRule & { enabled: boolean }> {
    return regionCode ? this.effectiveAmong(await this.overrides(query, rule.id), rule, regionCode) : effectiveRule(rule, undefined);
  },

  /** The same, among overrides read before (all rules' at once: one query for every rule an event triggers). */
  effectiveAmong(
    overrides: readonly StoredOverride[],
    rule: NotificationRule,
    regionCode: string | null,
  ): NotificationRule & { enabled: boolean } {
    if (!regionCode) return effectiveRule(rule, undefined);
    const applicable = overrides
      .filter((o) => o.ruleId === rule.id && regionContains(o.regionCode, regionCode))
      .sort((a, b) => LEVEL_RANK[regionLevel(b.regionCode)] - LEVEL_RANK[regionLevel(a.regionCode)]);
    return effectiveRule(rule, applicable[0]?.override);
  },

  async put(query: Query, ruleId: string, regionCode: string, override: RuleOverride, by: string, at: Date): Promise<void> {
    await query(
      `INSERT INTO ${SCHEMA}.rule_overrides (rule_id, region_code, override, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (rule_id, region_code) DO UPDATE SET override = EXCLUDED.override, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [ruleId, regionCode, JSON.stringify(override), at, by],
    );
  },

  async remove(query: Query, ruleId: string, regionCode: string): Promise<boolean> {
    const rows = await query(`DELETE FROM ${SCHEMA}.rule_overrides WHERE rule_id = $1 AND region_code = $2 RETURNING rule_id`, [
      ruleId,
      regionCode,
    ]);
    return rows.length > 0;
  },

  rules: NOTIFICATION_RULES,
};
