/** Bounded contexts that publish events. */
export const CONTEXTS = ['incidents', 'prosecution', 'disputes', 'high-risk-persons', 'oversight', 'access', 'notifications', 'security-ledger'] as const;
export type Context = (typeof CONTEXTS)[number] | (string & {});

/** `pingan.<context>.events`: one topic per context, key = stream id. */
export const eventsTopic = (context: Context): string => `pingan.${context}.events`;

/** Messages that keep failing go here with the error and the original envelope. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
