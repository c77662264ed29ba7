/**
 * The base revision `validate`'s windows step compares with (`--base`), and its files: the only place
 * that runs `git`. Apart from the `windows` command (./windows.ts), so that `validate` and `stage`
 * load neither the configuration loader nor the window engine to read it.
 */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../core/errors.js';
function git(root, args, input) {
    const r = spawnSync('git', args, { cwd: root, input, maxBuffer: 512 * 1024 * 1024 });
    return { ok: r.status === 0 && !r.error, out: r.stdout ?? Buffer.alloc(0) };
}
const text = (b) => b.toString('utf8').trim();
/**
 * The base revision: `--base <rev>` when given (a usage error if Git cannot resolve it); else the
 * merge base of HEAD with `origin/main` when that exists; else HEAD (the uncommitted change).
 * `undefined` outside a Git work tree (no base: nothing is compared).
 */
export function baseRevision(root, base) {
    if (base !== undefined) {
        const r = git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
        if (!r.ok)
            throw new UsageError(`--base "${base}" is not a Git revision of ${root}`);
        return { rev: text(r.out), name: base };
    }
    if (!git(root, ['rev-parse', '--is-inside-work-tree']).ok)
        return undefined;
    const mergeBase = git(root, ['rev-parse', '--verify', '--quiet', 'origin/main^{commit}']).ok ? git(root, ['merge-base', 'HEAD', 'origin/main']) : undefined;
    if (mergeBase?.ok)
        return { rev: text(mergeBase.out), name: `origin/main (merge base ${text(mergeBase.out).slice(0, 12)})` };
    const head = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    return head.ok ? { rev: text(head.out), name: 'HEAD' } : undefined;
}
/** The base revision's files under apps/, clusters/ and argocd/ ({@link baseRevision}): what `validate`'s windows step compares with. */
export function baseTree(root, base) {
    const b = baseRevision(root, base);
    return b && { name: b.name, files: filesAt(root, b.rev, ['apps', 'clusters', 'argocd']) };
}
/** The files under `dirs` (or the files named) at revision `rev`. */
export function filesAt(root, rev, dirs) {
    const list = git(root, ['ls-tree', '-r', '-z', '--name-only', rev, '--', ...dirs]);
    if (!list.ok)
        throw new Error(`git ls-tree ${rev} failed in ${root}`);
    const paths = list.out.toString('utf8').split('\0').filter((p) => p !== '');
    const files = new Map();
    if (paths.length === 0)
        return files;
    // One `git cat-file --batch` for every file: "<oid> <type> <size>\n<content>\n" per request.
    const batch = git(root, ['cat-file', '--batch'], paths.map((p) => `${rev}:./${p}\n`).join(''));
    if (!batch.ok)
        throw new Error(`git cat-file failed in ${root}`);
    let pos = 0;
    for (const p of paths) {
        const eol = batch.out.indexOf(0x0a, pos);
        const header = batch.out.subarray(pos, eol).toString('utf8').split(' ');
        const size = Number(header[2]);
        files.set(p, batch.out.subarray(eol + 1, eol + 1 + size).toString('utf8'));
        pos = eol + 1 + size + 1;
    }
    return files;
}
