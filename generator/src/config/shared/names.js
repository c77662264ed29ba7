/**
 * Names in config files: DNS-1123 names with a fix in the hint, a file's own name against its
 * folder, and the one "did you mean" wording for an unknown name. The grammars themselves are
 * core/names.ts's.
 */
import { isDns1123Label, isDns1123Subdomain, suggest, toDns1123Label } from '../../core/names.js';
import { q } from './checks.js';
/** Folders the generator writes beside the services' under `clusters/<cluster>/<env>/`: no service may take their names. */
const reservedServiceNames = {
    shared: '`shared` is reserved: the generator names per-environment resources `shared`',
    data: '`data` is reserved: the generator writes an environment\'s data layer to `clusters/<cluster>/<env>/data`',
};
/** "did you mean `x`?" for the candidate nearest to `name` (core/names.ts `suggest`); `undefined` when none is near. */
export function didYouMean(name, candidates) {
    const near = suggest(name, candidates);
    return near === undefined ? undefined : `did you mean \`${near}\`?`;
}
/** Suggestion hint for an unknown name: the nearest candidate, else the list of candidates. */
export function nearHint(name, candidates, what) {
    return didYouMean(name, candidates) ?? (candidates.length > 0 ? `${what}: ${candidates.join(', ')}` : `no ${what} are declared`);
}
const dnsHint = (example) => `use at most 63 lower-case letters, digits and \`-\`, starting and ending with a letter or digit, e.g. \`${example}\``;
export function checkName(r, path, v, example, subdomain = false) {
    if (typeof v !== 'string')
        return false;
    if (subdomain ? isDns1123Subdomain(v) : isDns1123Label(v))
        return true;
    r.report('name', path, `${q(path)} is ${JSON.stringify(v)}, not a DNS-1123 ${subdomain ? 'subdomain' : 'label'}`, subdomain ? `use lower-case letters, digits, \`-\` and \`.\`, e.g. \`${example}\`` : dnsHint(example));
    return false;
}
/** The file's `name` must be a valid label and equal its folder name. */
export function checkOwnName(r, f, dir, fileName) {
    const name = f.data.name;
    if (typeof name !== 'string')
        return;
    const folderOk = isDns1123Label(f.folder);
    // An invalid name gets one finding, whose example is the folder name when that is valid, else
    // the name made valid: every name a hint suggests must itself pass the check.
    const example = folderOk ? f.folder : (toDns1123Label(name) ?? toDns1123Label(f.folder) ?? (dir === 'apps' ? 'health-data' : 'prod'));
    if (!checkName(r, ['name'], name, example))
        return;
    const reserved = dir === 'apps' ? reservedServiceNames[name] : undefined;
    if (reserved)
        r.report('name', ['name'], reserved, 'choose another service name');
    if (name !== f.folder) {
        r.report('name', ['name'], `\`name\` is ${JSON.stringify(name)} but the file is in ${dir}/${f.folder}/`, folderOk
            ? `set \`name: ${f.folder}\`, or move the file to ${dir}/${name}/${fileName}`
            : `move the file to ${dir}/${name}/${fileName}: the folder name ${JSON.stringify(f.folder)} is not a DNS-1123 label`);
    }
}
