/**
 * The add-on checks on the pinned CRD files: each add-on of platform/addons.yaml has exactly the
 * folder `platform/crds/<name>/<version>/` of its pin, every file there is one platform/crds/README.md
 * lists, byte for byte (sha256), under the pin's repository, tag and licence, and a CRD that states
 * its release states the pin. Pure: the files come in as data (validate/addons-step.ts reads them).
 */
import { createHash } from 'node:crypto';
import { CRDS_DIR, CRDS_README } from './crd-readme.js';
import { sameRelease } from './crd-facts.js';
const finding = (check, file, message, hint, line, path) => ({
    check: `addons/${check}`,
    severity: 'error',
    file,
    ...(line !== undefined ? { line } : {}),
    ...(path !== undefined ? { path } : {}),
    message,
    hint,
});
/** The folder of an add-on's pinned version. */
export const pinnedFolder = (a) => `${CRDS_DIR}/${a.name}/${a.version}`;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
/** Every finding about the pinned CRD folders and files, in a stable order (by add-on, then file). */
export function checkPinnedCrds(input) {
    const out = [];
    const byName = new Map(input.addons.map((a) => [a.name, a]));
    const folders = new Set(input.folders);
    const below = (dir) => [...folders].filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/')).sort();
    for (const a of input.addons) {
        const dir = pinnedFolder(a);
        const others = below(`${CRDS_DIR}/${a.name}`).filter((f) => f !== dir);
        if (!folders.has(dir)) {
            const there = others.map((f) => `\`${f.slice(f.lastIndexOf('/') + 1)}\``);
            out.push(finding('crd-folder-missing', a.file, `add-on \`${a.name}\` is pinned to ${a.version}, but ${dir}/ is not there`, `add the unmodified CRD files of ${a.repository} ${a.version} there and list them in ${CRDS_README}${there.length > 0 ? `, or pin the version that is there (${there.join(', ')})` : ''}`, a.line, `addons[${a.index}].version`));
        }
        for (const f of others) {
            out.push(finding('crd-folder-stale', `${f}/`, `is a version of add-on \`${a.name}\` other than its pin ${a.version}`, `remove it (\`git rm -r ${f}\`) and its rows in ${CRDS_README}: the repository keeps the CRDs of the pinned version only`));
        }
    }
    for (const f of below(CRDS_DIR)) {
        const name = f.slice(CRDS_DIR.length + 1);
        if (!byName.has(name)) {
            out.push(finding('crd-folder-unpinned', `${f}/`, `holds the CRDs of an add-on that platform/addons.yaml does not pin`, `pin it in platform/addons.yaml (\`- name: ${name}\` with its version, repository and licence), or remove the folder and its rows in ${CRDS_README}`));
        }
    }
    out.push(...checkFiles(input, byName));
    return out;
}
/** The files against the README's rows and the pins. */
function checkFiles(input, byName) {
    const out = [];
    const listed = new Map(input.rows.map((r) => [r.file, r]));
    const addonOf = (file) => {
        const [name, version] = file.slice(CRDS_DIR.length + 1).split('/');
        const a = byName.get(name ?? '');
        return a !== undefined && a.version === version && file.split('/').length === 5 ? a : undefined;
    };
    for (const r of input.rows) {
        const text = input.files.get(r.file);
        if (text === undefined) {
            out.push(finding('crd-missing', CRDS_README, `lists ${r.file}, which is not there`, `restore the file (\`git cat-file blob ${r.tag}:<upstream path>\` in a clone of ${r.repository}), or remove its row`, r.line));
            continue;
        }
        const found = sha256(text);
        if (found !== r.sha256) {
            out.push(finding('crd-modified', r.file, `differs from the upstream file ${CRDS_README} lists (line ${r.line}): sha256 ${found}, listed ${r.sha256}`, `restore the upstream bytes (\`git checkout -- ${r.file}\`, or fetch it again from ${r.repository} at ${r.tag}): CRD files are never edited; a new version is a new folder`));
        }
        const a = addonOf(r.file);
        if (!a)
            continue;
        const wrong = [
            r.repository !== a.repository ? `repository ${r.repository} (pinned: ${a.repository})` : '',
            r.tag !== a.version ? `tag ${r.tag} (pinned: ${a.version})` : '',
            r.licence !== a.licence ? `licence ${r.licence} (pinned: ${a.licence})` : '',
        ].filter(Boolean);
        if (wrong.length > 0) {
            out.push(finding('crd-provenance', CRDS_README, `row of ${r.file} says ${wrong.join(', ')}`, `correct the row or the pin of \`${a.name}\` in platform/addons.yaml: both name the release the file was taken from`, r.line));
        }
    }
    // A file of a stale or unpinned folder is that folder's finding, not one of its own.
    const covered = (file) => {
        const [name, version] = file.slice(CRDS_DIR.length + 1).split('/');
        const a = byName.get(name ?? '');
        return a === undefined ? file.split('/').length > 3 : file.split('/').length > 4 && version !== a.version;
    };
    for (const file of [...input.files.keys()].sort()) {
        const a = addonOf(file);
        const inPinned = a !== undefined;
        if (!listed.has(file) && !covered(file)) {
            out.push(finding('crd-unlisted', file, `is not listed in ${CRDS_README}`, inPinned ? `list it there with its repository, tag, upstream path, licence and sha256 (\`sha256sum ${file}\`), or remove it` : `CRD files live in ${CRDS_DIR}/<add-on>/<version>/; move it there and list it, or remove it`));
        }
        if (!a)
            continue;
        for (const crd of input.facts(file)) {
            for (const r of crd.release) {
                if (sameRelease(r.value, a.version))
                    continue;
                out.push(finding('crd-version', file, `the ${crd.kind} CRD states release ${r.value} (\`${r.marker}\`), but \`${a.name}\` is pinned to ${a.version}`, `put the files of ${a.version} in ${pinnedFolder(a)}/ (fetched from ${a.repository} at that tag), or pin the release the files are of`));
            }
        }
    }
    return out;
}
