// The event store's tests again, on the embedded engine (PGlite) that `npm start` uses.
process.env.EVENT_STORE_ENGINE = 'pglite';
await import('./postgres-event-store.int-spec.js');
