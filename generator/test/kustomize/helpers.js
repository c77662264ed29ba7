import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmp } from '../../src/core/finding.js';
/** The hand-written fixture repository. */
export const FIXTURE_ROOT = fileURLToPath(new URL('../fixtures/kustomize/repo', import.meta.url));
/** Every kustomization path of the fixture repository, sorted. */
export const FIXTURE_PATHS = [
    'overlays/dev/api',
    'overlays/dev/dup-namespace',
    'overlays/dev/web',
    'overlays/prod/annotated',
    'overlays/prod/api',
    'overlays/prod/broken',
    'overlays/prod/web',
    'overlays/shared',
];
/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix) {
    const dir = nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), `suoke-test-${prefix}-`));
    return { dir, remove: () => nodeFs.rmSync(dir, { recursive: true, force: true }) };
}
/** Copies the fixture repository to a temporary directory (tests that edit files work on the copy). */
export function copyFixture() {
    const t = tempDir('kustomize-repo');
    const root = nodePath.join(t.dir, 'repo');
    nodeFs.cpSync(FIXTURE_ROOT, root, { recursive: true });
    return { root, remove: t.remove };
}
/**
 * The fixture repository's own model of who produces what, as the real caller has from its
 * configuration: namespaces from `overlays/shared` (unless labelled as the duplicate), prefixed
 * objects from `overlays/prod/annotated`, everything else `overlays/<namespace>/<app>`.
 */
export function fixtureOwner(obj) {
    const meta = (obj.metadata ?? {});
    if (obj.kind === 'Namespace')
        return meta.labels?.owner === 'dup' ? 'overlays/dev/dup-namespace' : 'overlays/shared';
    if (meta.name?.startsWith('annotated-'))
        return 'overlays/prod/annotated';
    if (meta.namespace === undefined || meta.name === undefined)
        return undefined;
    return `overlays/${meta.namespace}/${meta.name.split('-')[0]}`;
}
/** `apiVersion kind namespace/name`, the identity objects are compared by. */
function objectId(o) {
    const m = (o.metadata ?? {});
    return `${String(o.apiVersion)} ${String(o.kind)} ${m.namespace ?? ''}/${m.name ?? ''}`;
}
/** Objects sorted by identity, the way the caller compares builds. */
export function sortedObjects(objects) {
    return [...objects].sort((a, b) => cmp(objectId(a), objectId(b)));
}
/** A result reduced to what must be equal between build strategies. */
export function comparable(r) {
    return r.ok ? { path: r.path, ok: true, objects: sortedObjects(r.objects) } : { path: r.path, ok: false, error: r.error };
}
/**
 * A kustomize command that logs each invocation's last argument to `log` and then runs the real
 * `command`, so tests can count builds.
 */
export function loggingCommand(dir, command, log) {
    const script = nodePath.join(dir, 'kustomize-logged.sh');
    const quoted = command.map((c) => `'${c.replace(/'/g, `'\\''`)}'`).join(' ');
    nodeFs.writeFileSync(script, `#!/bin/sh\nfor last; do :; done\necho "$last" >> '${log}'\nexec ${quoted} "$@"\n`, { mode: 0o755 });
    return [script];
}
/** Lines logged by {@link loggingCommand}. */
export function loggedRuns(log) {
    return nodeFs.existsSync(log) ? nodeFs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
}
