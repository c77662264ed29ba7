/**
 * Test-only preload (`node --import <this file> main.js render`): counts every call of the
 * `node:fs` functions that change the disk and, at the Nth, kills the process with a real SIGKILL
 * or holds it there. The generator has no hook of its own: this patches `node:fs` before it loads
 * (`syncBuiltinESMExports` makes `import * as fs from 'node:fs'` see the patched functions).
 *
 * Environment:
 * - SUOKE_FAULT_AT: the call (1-based) to stop at; unset or 0 only counts.
 * - SUOKE_FAULT_MODE: `kill` (default): SIGKILL before the call is made; `hold`: create the file
 *   SUOKE_FAULT_SIGNAL, then wait (at most a minute) for `<SUOKE_FAULT_SIGNAL>.go` before making it.
 * - SUOKE_FAULT_COUNT_FILE: where the number of calls made is written at exit (as `<n> <name>...`).
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const MUTATING = ['writeFileSync', 'writeSync', 'renameSync', 'linkSync', 'unlinkSync', 'rmSync', 'rmdirSync', 'mkdirSync', 'copyFileSync', 'fsyncSync', 'symlinkSync'];
const at = Number(process.env.SUOKE_FAULT_AT ?? '0');
const mode = process.env.SUOKE_FAULT_MODE ?? 'kill';
const signal = process.env.SUOKE_FAULT_SIGNAL;
const countFile = process.env.SUOKE_FAULT_COUNT_FILE;
const original = { writeFileSync: fs.writeFileSync, existsSync: fs.existsSync };
const calls = [];
let inside = false;

function stop(name) {
  if (mode === 'hold') {
    original.writeFileSync(signal, String(process.pid));
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 3000 && !original.existsSync(`${signal}.go`); i++) Atomics.wait(sleeper, 0, 0, 20);
    return;
  }
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL cannot be caught; should the kill not land at once, nothing more must happen.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  throw new Error(`fault-hook: still alive after SIGKILL at ${name}`);
}

for (const name of MUTATING) {
  const real = fs[name];
  fs[name] = function patched(...args) {
    // Calls made inside another patched call (writeFileSync → writeSync) are part of that one.
    if (inside) return real.apply(this, args);
    calls.push(name);
    if (calls.length === at) stop(name);
    inside = true;
    try {
      return real.apply(this, args);
    } finally {
      inside = false;
    }
  };
}
syncBuiltinESMExports();

if (countFile) process.on('exit', () => original.writeFileSync(countFile, `${calls.length} ${calls.join(' ')}\n`));
