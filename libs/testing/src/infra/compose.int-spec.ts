import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './servers.mjs';

/**
 * docker/compose.yml must stay valid although no machine of ours runs Docker:
 * `docker-compose config` (Debian's docker-compose package, installed by .ci/run) checks it
 * without an engine. The Compose v2 plugin (`docker compose`) is used when that is missing.
 */
describe('docker/compose.yml', () => {
  it('passes the compose validator', () => {
    const validators: Array<[string, string[]]> = [
      ['docker-compose', ['-f', 'docker/compose.yml', 'config', '-q']],
      ['docker', ['compose', '-f', 'docker/compose.yml', 'config', '-q']],
    ];
    const errors: string[] = [];
    for (const [command, args] of validators) {
      try {
        execFileSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
        return; // valid
      } catch (error) {
        const e = error as NodeJS.ErrnoException & { stderr?: string; status?: number };
        if (e.code === 'ENOENT' || (command === 'docker' && /not a docker command|unknown command/i.test(e.stderr ?? ''))) {
          errors.push(`${command}: not installed`);
          continue;
        }
        throw new Error(`${command} ${args.join(' ')} rejected docker/compose.yml:\n${e.stderr ?? e.message}`);
      }
    }
    throw new Error(`No compose validator available (${errors.join('; ')}): apt-get install -y docker-compose`);
  });
});
