import { Reporter, isRaw, q } from '../shared/checks.js';
import { checkName } from '../shared/names.js';
/** The one file of this kind, hand-edited; optional (without it no add-on is pinned). */
export const ADDONS_FILE = 'platform/addons.yaml';
/**
 * A release tag: `v1.21.1`, `1.30.3`, `v2.0.0-rc.1`. A branch, `latest` or a range would move under
 * the pin; and the tag names a folder, so it holds no `/` and is never `.` or `..`.
 */
const RELEASE_TAG = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?$/;
/** A GitHub `owner/name` (owner: letters, digits, `-`; name: letters, digits, `.`, `_`, `-`). */
const GITHUB_REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
/** Checks of `platform/addons.yaml`. */
export function checkAddonsFile(f, out) {
    const r = new Reporter(f.source, out);
    const list = f.data.addons;
    if (!Array.isArray(list))
        return;
    const seen = new Map();
    list.forEach((a, n) => {
        if (!isRaw(a))
            return;
        if (checkName(r, ['addons', n, 'name'], a.name, 'cert-manager') && typeof a.name === 'string') {
            const first = seen.get(a.name);
            if (first === undefined)
                seen.set(a.name, n);
            else {
                r.report('duplicate', ['addons', n, 'name'], `add-on \`${a.name}\` is pinned twice (also ${q(['addons', first])})`, 'keep one entry per add-on: the platform runs one version of each');
            }
        }
        if (typeof a.version === 'string' && !RELEASE_TAG.test(a.version)) {
            const path = ['addons', n, 'version'];
            r.report('version', path, `${q(path)} is ${JSON.stringify(a.version)}, not a release tag`, 'pin the exact upstream tag, e.g. `version: v1.21.1` (a branch, `latest` or a range would move under the pin)');
        }
        if (typeof a.repository === 'string' && !GITHUB_REPOSITORY.test(a.repository)) {
            const path = ['addons', n, 'repository'];
            r.report('repository', path, `${q(path)} is ${JSON.stringify(a.repository)}, not a GitHub \`owner/name\``, 'write it as platform/crds/README.md lists it, e.g. `repository: cert-manager/cert-manager`');
        }
    });
}
/** The pinned add-ons, sorted by name. */
export function buildAddons(f, v) {
    return v.addons.map((a, index) => ({ ...a, file: f.source.file, index, line: f.source.lineOf(['addons', index, 'version']) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
