/**
 * applyWrite with a disk that fails (no space, an I/O error) at each of its calls in turn, in
 * process: the tree is either exactly as it was, with a message that says so, or completely written;
 * when undoing fails too, the error says the render is unfinished and the next run completes it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFs } from '../../src/core/fs.js';
import { applyWrite, WriteFailed } from '../../src/write/apply.js';
import { diskOps, type WriteOps } from '../../src/write/ops.js';
import { recoverInterrupted } from '../../src/write/recover.js';
import { planWrite } from '../../src/write/tree.js';
import { snapshotTree, type TreeSnapshot } from '../helpers/cli.js';
import { renderOf } from '../helpers/platform.js';
import { copyRepo, makeScenario, SCENARIO_PLAN } from './scenario.js';

let work: string;
let template: string;
let untouched: TreeSnapshot;
let complete: TreeSnapshot;
let calls: string[];

/** The real operations, counted; from call `failAt` on (1-based), those `failing` throws `code` instead. */
function faultyOps(failAt: number, code: string, failing: (n: number, name: string) => boolean = (n) => n === failAt): { ops: WriteOps; names: string[] } {
  const names: string[] = [];
  const ops = Object.fromEntries(
    Object.entries(diskOps).map(([name, real]) => [
      name,
      (...args: unknown[]) => {
        names.push(name);
        if (failAt > 0 && failing(names.length, name)) throw Object.assign(new Error(`${code}: injected failure, ${name}`), { code });
        return (real as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as WriteOps;
  return { ops, names };
}

function apply(root: string, ops: WriteOps): void {
  applyWrite(root, planWrite(diskFs(root), renderOf(root).files), { ops, pid: 4242, now: () => new Date('2026-01-02T03:04:05Z') });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-apply-'));
  template = path.join(work, 'template');
  makeScenario(template);
  untouched = snapshotTree(template);
  const counted = path.join(work, 'counted');
  copyRepo(template, counted);
  const { ops, names } = faultyOps(0, '');
  apply(counted, ops);
  complete = snapshotTree(counted);
  calls = names;
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('applyWrite on a disk that fails', () => {
  it('the scenario stages, journals, switches and tidies up', () => {
    const plan = planWrite(diskFs(template), renderOf(template).files);
    expect({ write: plan.write.length, remove: plan.remove.length, unchanged: plan.unchanged }).toEqual(SCENARIO_PLAN);
    expect(calls[0]).toBe('mkdir');
    expect(calls.at(-1)).toBe('removeTree');
    expect(complete).not.toEqual(untouched);
  });

  for (const code of ['ENOSPC', 'EIO']) {
    it(`${code} at each call: untouched with "nothing changed", or complete`, () => {
      for (let k = 1; k <= calls.length; k++) {
        const at = `${code} at call ${k} (${calls[k - 1]})`;
        const root = path.join(work, `${code}-${k}`);
        copyRepo(template, root);
        let error: unknown;
        try {
          apply(root, faultyOps(k, code).ops);
        } catch (e) {
          error = e;
        }
        if (error !== undefined) {
          expect(error, at).toBeInstanceOf(WriteFailed);
          expect((error as WriteFailed).changed, at).toBe(false);
          expect(((error as WriteFailed).cause as NodeJS.ErrnoException).code, at).toBe(code);
          expect(snapshotTree(root), at).toEqual(untouched);
        } else {
          // Only tidying was left (pruning, removing the staging folder): the next run finishes that.
          expect(recoverInterrupted(root).length, at).toBeLessThanOrEqual(1);
          expect(snapshotTree(root), at).toEqual(complete);
        }
      }
    });
  }

  it('when undoing fails too: "unfinished", the journal kept, and the next run completes the render', () => {
    const root = path.join(work, 'undo-fails');
    copyRepo(template, root);
    const firstRename = calls.indexOf('rename', calls.indexOf('link')) + 1;
    // The third rename of the switch fails, and so does every rename after it (the undo's too).
    const { ops } = faultyOps(firstRename + 4, 'EIO', (n, name) => n >= firstRename + 4 && name === 'rename');
    let error: unknown;
    try {
      apply(root, ops);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WriteFailed);
    expect((error as WriteFailed).changed).toBe(true);
    expect(fs.existsSync(path.join(root, '.render-staging/journal.json'))).toBe(true);

    expect(recoverInterrupted(root)).toEqual([
      'finished the render of pid 4242 started at 2026-01-02T03:04:05.000Z, which was interrupted (22 files written, 2 files removed)',
    ]);
    expect(snapshotTree(root)).toEqual(complete);
  });

  // Defence in depth: planWrite already refuses links, but the tree can change between plan and write.
  it.each([
    ['a folder on the way', 'clusters/dev/test', '../../../outside', 'clusters/dev/test'],
    ['the target itself', 'apps/gateway/base/deployment.yaml', '../../../../outside/deployment.yaml', 'apps/gateway/base/deployment.yaml'],
  ])('a link that appears after planning (%s) is refused before anything is written, nothing outside touched', (_name, rel, target, named) => {
    const root = path.join(work, `late-link-${rel.replace(/\W/g, '-')}`);
    copyRepo(template, root);
    const outside = path.join(work, 'outside');
    fs.rmSync(outside, { recursive: true, force: true });
    fs.mkdirSync(outside);
    const plan = planWrite(diskFs(root), renderOf(root).files);
    fs.rmSync(path.join(root, rel), { recursive: true });
    fs.symlinkSync(target, path.join(root, rel));
    const before = snapshotTree(root);

    expect(() => applyWrite(root, plan)).toThrow(new RegExp(`^${named}: is a symbolic link`));
    expect(snapshotTree(root)).toEqual(before);
    expect(fs.readdirSync(outside)).toEqual([]);
  });
});
