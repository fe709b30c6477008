// The console's initial JavaScript: the entry script of dist/console/index.html and every chunk it imports
// statically (what a browser must fetch before the first screen), raw and gzip. `npm run build` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './system.mjs';

const dist = join(REPO_ROOT, 'dist/console');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)[1];
const seen = new Set();
const visit = (path) => {
  if (seen.has(path)) return;
  seen.add(path);
  const code = readFileSync(join(dist, path), 'utf8');
  // Static imports only (`import … from "./x.js"` / `import "./x.js"`); dynamic import() chunks load per workbench.
  for (const [, spec] of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["'](\.\/[^"']+)["']/g))
    visit(`/assets/${spec.slice(2)}`);
};
visit(entry);
let raw = 0;
let gzip = 0;
for (const path of seen) {
  const bytes = readFileSync(join(dist, path));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
  console.log(`${path}  ${(bytes.length / 1024).toFixed(1)} kB  gzip ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} kB`);
}
console.log(`initial JS: ${seen.size} files, ${(raw / 1024).toFixed(1)} kB, gzip ${(gzip / 1024).toFixed(1)} kB`);
