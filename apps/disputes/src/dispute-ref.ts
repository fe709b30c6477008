import { Injectable, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@pingan/platform';
import { v5 as uuidv5 } from 'uuid';

// Fixed namespace: a dispute's stream id is derived from its case number, so the case number
// alone finds it (no lookup table, no read model to wait for).
const DISPUTE_NAMESPACE = '0f6d3c8e-5b7a-4e21-9c3d-7a2b1e4f6d90';

/** The dispute an incident opens (转医疗纠纷处理): one per incident, under the incident's case number. */
export const disputeIdForIncident = (caseNumber: string): string => uuidv5(`incident:${caseNumber}`, DISPUTE_NAMESPACE);
/** A dispute that starts as a complaint, under its own 'D' case number. */
export const disputeIdForComplaint = (caseNumber: string): string => uuidv5(`complaint:${caseNumber}`, DISPUTE_NAMESPACE);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPLAINT_CASE = /^\d{6}-\d{8}-D\d{4,}$/;
const INCIDENT_CASE = /^\d{6}-\d{8}-\d{4,}$/;

/** The dispute's stream id for a route's `:id`: its case number (as every case is named), or its UUID. */
export function disputeIdOf(ref: string): string | null {
  if (COMPLAINT_CASE.test(ref)) return disputeIdForComplaint(ref);
  if (INCIDENT_CASE.test(ref)) return disputeIdForIncident(ref);
  if (UUID.test(ref)) return ref.toLowerCase();
  return null;
}

/** Route parameter pipe: a case number or a dispute id in, the stream id out; anything else is a 400 naming the parameter. */
@Injectable()
export class DisputeRefPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const id = disputeIdOf(value);
    if (id === null)
      throw new RequestValidationError([
        { field: 'id', code: 'IS_CASE_NUMBER', message: 'id must be a case number (e.g. 500101-20261122-D0001) or a dispute id (UUID)' },
      ]);
    return id;
  }
}
