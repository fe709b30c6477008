/** What one dependency answered: up or not, and (when not) why, in a few words. */
export interface DependencyStatus {
  up: boolean;
  detail: string;
}

export type Dependency = 'database' | 'broker';

export interface Readiness {
  /** up: everything works; degraded: serving, some dependency down; down: not serving (no database). */
  status: 'up' | 'degraded' | 'down';
  /** The dependencies that are down, by name. */
  degraded: Dependency[];
  checks: Record<Dependency, { status: 'up' | 'down'; detail?: string }>;
}

/**
 * Readiness from the dependencies' answers. Pure, so the rule is unit-tested: without the database
 * nothing can be served; without the broker commands are still recorded (the events table is the
 * outbox, relayed when it returns) and the service is degraded, not down.
 */
export function readiness(checks: Record<Dependency, DependencyStatus>): Readiness {
  const degraded = (Object.keys(checks) as Dependency[]).filter((name) => !checks[name].up);
  const status = !checks.database.up ? 'down' : degraded.length > 0 ? 'degraded' : 'up';
  const entry = ({ up, detail }: DependencyStatus) => (up ? { status: 'up' as const } : { status: 'down' as const, detail });
  return { status, degraded, checks: { database: entry(checks.database), broker: entry(checks.broker) } };
}
