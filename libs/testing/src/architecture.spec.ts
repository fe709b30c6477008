import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './infra/servers.mjs';

/**
 * Where code may import from, checked over the real import graph (TypeScript's own parser and
 * resolver, with tsconfig.json's paths), so that services stay separable and test support never ships:
 * - a service imports no other service: only apps/standalone composes them, through their `*.module.ts`
 *   (its tests may also use other services' `*.fixture.ts`, e.g. the authorisation matrix rows);
 * - code leaves its own app (or a library's production code its library) only by a package name
 *   (`@pingan/<lib>`), never by `../..`;
 * - production code (what tsconfig.build.json builds) imports no test, fixture, `@pingan/testing`, test/ or bench/;
 * - nothing that the build compiles, directly or through its imports, is test support.
 */

type Edge = { from: string; specifier: string; to: string };

const TEST = /\.(spec|int-spec|e2e-spec)\.ts$/;
const FIXTURE = /\.fixtures?\.ts$/;

/** Tests and what only tests may use: fixtures, the test harness (`@pingan/testing`), test/ and the benchmarks. */
const isTestSupport = (file: string): boolean =>
  TEST.test(file) || FIXTURE.test(file) || file.startsWith('libs/testing/') || file.startsWith('test/') || file.startsWith('bench/');
const isProduction = (file: string): boolean => !isTestSupport(file);
/** `apps/<name>` or `libs/<name>` of a file, or null outside them. */
const unitOf = (file: string): string | null => /^((?:apps|libs)\/[^/]+)\//.exec(file)?.[1] ?? null;
const relative = (absolute: string): string => path.relative(REPO_ROOT, absolute).split(path.sep).join('/');

function parseConfig(name: string): ts.ParsedCommandLine {
  const configPath = path.join(REPO_ROOT, name);
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT, undefined, configPath);
}

/** Every import of every file of the repository (tsconfig.json) that resolves to a file of the repository. */
function importGraph(): { files: string[]; edges: Edge[] } {
  const { fileNames, options } = parseConfig('tsconfig.json');
  const cache = ts.createModuleResolutionCache(REPO_ROOT, (name) => name, options);
  const edges: Edge[] = [];
  for (const fileName of fileNames) {
    const { importedFiles } = ts.preProcessFile(readFileSync(fileName, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      const { resolvedModule } = ts.resolveModuleName(specifier, fileName, options, ts.sys, cache, undefined, ts.ModuleKind.ESNext);
      if (!resolvedModule || resolvedModule.isExternalLibraryImport) continue;
      const to = relative(resolvedModule.resolvedFileName);
      if (!to.startsWith('..') && !to.startsWith('node_modules/')) edges.push({ from: relative(fileName), specifier, to });
    }
  }
  return { files: fileNames.map(relative), edges };
}

/** What is wrong with one import, or null. */
function violation({ from, specifier, to }: Edge): string | null {
  const [fromUnit, toUnit] = [unitOf(from), unitOf(to)];
  const crossesApps = fromUnit?.startsWith('apps/') && toUnit?.startsWith('apps/') && fromUnit !== toUnit;
  if (crossesApps) {
    const composes = fromUnit === 'apps/standalone' && (to.endsWith('.module.ts') || (isTestSupport(from) && FIXTURE.test(to)));
    if (!composes) return 'a service imports another service (only apps/standalone composes them, through their *.module.ts)';
  } else if (fromUnit?.startsWith('libs/') && toUnit?.startsWith('apps/')) {
    return 'a library imports a service';
  } else if (fromUnit && toUnit !== fromUnit && specifier.startsWith('.') && (fromUnit.startsWith('apps/') || isProduction(from))) {
    // (A library's tests may reach into the harness's internals, e.g. libs/testing/src/infra/servers.mjs.)
    return `a relative path out of ${fromUnit} (import libraries as @pingan/<name>)`;
  }
  if (isProduction(from) && isTestSupport(to))
    return 'production code imports test support (tests, fixtures, @pingan/testing, test/, bench/)';
  return null;
}

describe('architecture: who may import what', () => {
  const { files, edges } = importGraph();

  it('sees the real import graph', () => {
    // Guards the check itself: were resolution broken, every rule below would pass vacuously.
    expect(files.length).toBeGreaterThan(100);
    expect(edges).toContainEqual(
      expect.objectContaining({ from: 'apps/standalone/src/standalone.module.ts', to: 'apps/incidents/src/incidents.module.ts' }),
    );
    expect(edges).toContainEqual(expect.objectContaining({ specifier: '@pingan/testing', to: 'libs/testing/src/index.ts' }));
  });

  it('has no import that crosses a service, leaves its folder by a relative path, or brings test support into production', () => {
    const wrong = edges.flatMap((edge) => {
      const why = violation(edge);
      return why ? [`${edge.from} imports '${edge.specifier}': ${why}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('builds (tsconfig.build.json, with everything its files import) no test, fixture or test principal', () => {
    const roots = parseConfig('tsconfig.build.json').fileNames.map(relative);
    expect(roots).toContain('apps/standalone/src/main.ts');
    const imports = new Map<string, string[]>();
    for (const { from, to } of edges) imports.set(from, [...(imports.get(from) ?? []), to]);
    // What tsc compiles into dist/: the build's files and, transitively, every local file they import.
    const built = new Set<string>();
    const pending = [...roots];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (built.has(file)) continue;
      built.add(file);
      pending.push(...(imports.get(file) ?? []));
    }
    expect([...built].filter(isTestSupport)).toEqual([]);
    // Test principals by name too, should one be written into a production file again.
    const principals = [...built].filter((file) =>
      /\btest(Principal|AccessTokenKeys)\b/.test(readFileSync(path.join(REPO_ROOT, file), 'utf8')),
    );
    expect(principals).toEqual([]);
  });

  it('tells a wrong import from a right one', () => {
    const edge = (from: string, specifier: string, to: string): Edge => ({ from, specifier, to });
    expect(violation(edge('apps/incidents/src/a.ts', '../../gateway/src/b.js', 'apps/gateway/src/b.ts'))).toMatch(/another service/);
    expect(violation(edge('apps/incidents/src/a.spec.ts', '../../gateway/src/b.js', 'apps/gateway/src/b.ts'))).toMatch(/another service/);
    expect(violation(edge('apps/standalone/src/a.ts', '../../gateway/src/b.js', 'apps/gateway/src/b.ts'))).toMatch(/another service/);
    expect(violation(edge('apps/standalone/src/a.ts', '../../x/src/x.fixture.js', 'apps/x/src/x.fixture.ts'))).toMatch(/another service/);
    expect(violation(edge('apps/standalone/src/a.ts', '../../x/src/x.module.js', 'apps/x/src/x.module.ts'))).toBeNull();
    expect(violation(edge('apps/standalone/src/a.int-spec.ts', '../../x/src/x.fixture.js', 'apps/x/src/x.fixture.ts'))).toBeNull();
    expect(violation(edge('libs/access/src/a.ts', '@pingan/testing', 'libs/testing/src/index.ts'))).toMatch(/test support/);
    expect(violation(edge('apps/x/src/a.ts', './a.fixture.js', 'apps/x/src/a.fixture.ts'))).toMatch(/test support/);
    expect(violation(edge('apps/x/src/a.ts', './a.spec.js', 'apps/x/src/a.spec.ts'))).toMatch(/test support/);
    expect(violation(edge('apps/x/src/a.spec.ts', './a.fixture.js', 'apps/x/src/a.fixture.ts'))).toBeNull();
    expect(violation(edge('apps/x/src/d/a.ts', './a.fixtures.js', 'apps/x/src/d/a.fixtures.ts'))).toMatch(/test support/);
    expect(violation(edge('apps/x/src/a.spec.ts', '@pingan/testing', 'libs/testing/src/index.ts'))).toBeNull();
    expect(violation(edge('apps/x/src/a.ts', '../../../libs/y/src/b.js', 'libs/y/src/b.ts'))).toMatch(/relative path/);
    expect(violation(edge('libs/y/src/a.ts', '../../z/src/b.js', 'libs/z/src/b.ts'))).toMatch(/relative path/);
    expect(violation(edge('libs/y/src/a.ts', '@pingan/z', 'libs/z/src/index.ts'))).toBeNull();
    expect(violation(edge('libs/y/src/a.int-spec.ts', '../../testing/src/infra/b.mjs', 'libs/testing/src/infra/b.d.mts'))).toBeNull();
    expect(violation(edge('libs/y/src/a.ts', '../../../apps/x/src/b.js', 'apps/x/src/b.ts'))).toMatch(/library imports a service/);
  });
});
