export const INCIDENTS_CONTEXT_NAME = 'incidents';
export const INCIDENT_SETTINGS = Symbol('INCIDENT_SETTINGS');
