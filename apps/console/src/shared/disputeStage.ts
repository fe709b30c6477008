import { apiLabel } from './labels';

interface DisputeWhereabouts {
  status: 'open' | 'closed';
  route: string;
  closeOutcome: string | null;
  mediation: { kind: string; phase: string } | null;
  /** Known on the dispute itself, not on the list's rows. */
  routesNotified?: boolean;
}

/**
 * Where a dispute stands, in the words of its steps: closed with its outcome; with a mediator while a mediation is
 * referred or under way; before that, the patient side must be told the routes [S3 二(三)]; else the route it is on.
 */
export function disputeStage(d: DisputeWhereabouts): string {
  if (d.status === 'closed') return `已办结 · ${apiLabel('disputeOutcome', d.closeOutcome)}`;
  if (d.mediation && d.mediation.phase !== 'withdrawn')
    return `${apiLabel('disputeRoute', d.mediation.kind)} · ${apiLabel('mediationPhase', d.mediation.phase)}`;
  if (d.routesNotified === false) return '待告知解决途径';
  return apiLabel('disputeRoute', d.route);
}
