import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * What a hospital system's developer would write against types generated from /openapi.json with
 * openapi-typescript, calling through openapi-fetch: report an incident (the documented example),
 * police dispatch and arrival, the hospital closes it. Compiled by tsc (strict) against the
 * generated types, then run by node: a wrong or missing schema fails one or the other.
 */
const FLOW = `
import createClient from 'openapi-fetch';
import type { components, paths } from './pingan-api.js';

type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;
type Problem = components['schemas']['ProblemDetails'];
interface Examples {
  report: Body<'/incidents', 'post'>;
  dispatch: Body<'/incidents/{caseNumber}/dispatch', 'post'>;
  arrival: Body<'/incidents/{caseNumber}/arrival', 'post'>;
  close: Body<'/incidents/{caseNumber}/close', 'post'>;
}

const [baseUrl, hospitalToken, policeToken, examplesJson] = process.argv.slice(2);
const examples = JSON.parse(examplesJson) as Examples;
const api = createClient<paths>({ baseUrl });
const hospital = { authorization: \`Bearer \${hospitalToken}\` };
const police = { authorization: \`Bearer \${policeToken}\` };
const fail = (step: string, error: Problem | undefined): never => {
  throw new Error(\`\${step}: \${error?.status} \${error?.code} \${JSON.stringify(error?.errors)}\`);
};

// The documented examples, sent as they are.
const reported = await api.POST('/incidents', { body: examples.report, headers: hospital });
if (!reported.data) fail('report', reported.error);
const caseNumber: string = reported.data!.caseNumber;
const params = { path: { caseNumber } };
const dispatched = await api.POST('/incidents/{caseNumber}/dispatch', { params, body: examples.dispatch, headers: police });
if (!dispatched.data) fail('dispatch', dispatched.error);
const arrived = await api.POST('/incidents/{caseNumber}/arrival', { params, body: examples.arrival, headers: police });
if (!arrived.data) fail('arrival', arrived.error);
const closed = await api.POST('/incidents/{caseNumber}/close', { params, body: examples.close, headers: hospital });
if (!closed.data) fail('close', closed.error);

const refused = await api.POST('/incidents/{caseNumber}/close', { params, body: examples.close, headers: hospital });
const labels = await api.GET('/meta/labels');
process.stdout.write(
  JSON.stringify({
    caseNumber,
    recorded: [reported.data!.recorded, dispatched.data!.recorded, arrived.data!.recorded, closed.data!.recorded].flat(),
    status: closed.data!.incident.status,
    refused: refused.error?.code,
    outcomeLabel: labels.data?.incidentOutcome.resolved_on_scene,
  }),
);
`;

export interface GeneratedClientRun {
  diagnostics: string[];
  output?: { caseNumber: string; recorded: string[]; status: string; refused?: string; outcomeLabel?: string };
}

/** Generates the types from the document, compiles FLOW against them and runs it. */
export async function runGeneratedClient(
  document: unknown,
  args: {
    baseUrl: string;
    hospitalToken: string;
    policeToken: string;
    examples: Record<'report' | 'dispatch' | 'arrival' | 'close', unknown>;
  },
): Promise<GeneratedClientRun> {
  // Inside the repository, so that node and tsc find openapi-fetch; unique per run.
  const dir = join(REPO_ROOT, 'node_modules', '.cache', `pingan-generated-client-${process.pid}`);
  await mkdir(dir, { recursive: true });
  try {
    const types = astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }');
    await writeFile(join(dir, 'pingan-api.ts'), types);
    await writeFile(join(dir, 'flow.ts'), FLOW);
    const options: ts.CompilerOptions = {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
      outDir: dir,
    };
    const program = ts.createProgram([join(dir, 'flow.ts')], options);
    const emitted = program.emit();
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) =>
      ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    );
    if (diagnostics.length > 0) return { diagnostics };
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(dir, 'flow.js'), args.baseUrl, args.hospitalToken, args.policeToken, JSON.stringify(args.examples)],
      { timeout: 60_000 },
    );
    return { diagnostics, output: JSON.parse(stdout) as GeneratedClientRun['output'] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
