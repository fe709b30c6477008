// Watches a Jest run that started local servers: when that process is gone without its
// teardown (SIGKILL, Ctrl-C, crash), stops the servers recorded in the state file and
// removes their directories. Exits by itself once teardown has removed the state file.
//   node reaper.mjs <owner pid> <state file>
import fs from 'node:fs';
import { isAlive, readState, stopRecorded } from './servers.mjs';

const [ownerPid, stateFile] = [Number(process.argv[2]), process.argv[3]];

for (;;) {
  if (!fs.existsSync(stateFile)) process.exit(0);
  if (!isAlive(ownerPid)) {
    await stopRecorded(readState(stateFile)); // re-read: a test may have restarted the broker
    fs.rmSync(stateFile, { force: true });
    process.exit(0);
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
