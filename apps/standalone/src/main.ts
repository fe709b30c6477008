import './private-files.js'; // umask 077 before anything writes ./data (docs/operations.md)
import { bootstrapService } from '@pingan/platform';
import { STANDALONE_SERVICES, StandaloneModule } from './standalone.module.js';

// Embedded mode (`npm start`): all services, PGlite in ./data, in-process bus, port 3000.
await bootstrapService({
  name: 'standalone',
  module: StandaloneModule,
  services: STANDALONE_SERVICES,
});
