/**
 * A value sealed (AES-256-GCM) under a per-record data key that never leaves the service that
 * owns it: what events and Kafka carry instead of personal data. Destroying the key makes every
 * copy unreadable (crypto-shredding). `data` is the JSON of the value, encrypted.
 */
export type SealedField = {
  alg: 'A256GCM';
  keyId: string; // the record's data key
  iv: string;
  data: string;
  tag: string;
};
