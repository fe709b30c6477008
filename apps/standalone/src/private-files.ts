import { restrictFileCreation } from '@pingan/platform';

// Imported first by main.ts: ES modules run in import order, so the umask is set before any module writes.
restrictFileCreation();
