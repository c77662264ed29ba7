import { formatPath } from '../core/finding.js';
import { suggest } from '../core/names.js';
import { readYamlSource } from '../config/yaml-source.js';
import { INSTANT_FORM, parseInstant } from '../time/dates.js';
/** Folder of the override records. */
const OVERRIDES_DIR = 'changes';
/** Longest an override may still run, from the evaluation instant. */
const MAX_OVERRIDE_MS = 7 * 86_400_000;
const KEYS = ['environments', 'reason', 'approver', 'expires'];
/** Reads every record under `changes/`; findings for malformed and expired ones (which are not returned). */
export function readOverrides(fs, envs, at) {
    const records = [];
    const findings = [];
    for (const entry of fs.list(OVERRIDES_DIR)) {
        if (entry.dir || !/\.ya?ml$/.test(entry.name))
            continue;
        const file = `${OVERRIDES_DIR}/${entry.name}`;
        const source = readYamlSource(fs, file);
        const bad = (path, message, hint, check = 'windows/override-invalid') => findings.push({ check, severity: 'error', file, line: source.lineOf(path, 'value'), ...(path.length > 0 ? { path: formatPath(path) } : {}), message, hint });
        if (source.findings.length > 0) {
            findings.push(...source.findings.map((f) => ({ ...f, check: 'windows/override-invalid' })));
            continue;
        }
        const d = source.data;
        if (d === null || typeof d !== 'object' || Array.isArray(d)) {
            bad([], `${file} must be a mapping with ${KEYS.join(', ')}`, 'see docs/change-windows.md, "Emergency overrides"');
            continue;
        }
        const o = d;
        const before = findings.length;
        for (const k of Object.keys(o)) {
            if (!KEYS.includes(k)) {
                const near = suggest(k, KEYS);
                bad([k], `unknown key \`${k}\` in the override record`, near ? `did you mean \`${near}\`?` : `allowed keys: ${KEYS.join(', ')}`);
            }
        }
        for (const k of KEYS)
            if (o[k] === undefined)
                bad([], `missing \`${k}\` in the override record`, missingHint[k]);
        const list = o.environments;
        if (list !== undefined && (!Array.isArray(list) || list.length === 0 || !list.every((e) => typeof e === 'string'))) {
            bad(['environments'], '`environments` must be a non-empty list of environment names', 'e.g. `environments: [prod]`');
        }
        else if (Array.isArray(list)) {
            list.forEach((e, i) => {
                if (!envs.includes(e))
                    bad(['environments', i], `\`${e}\` is not an environment`, suggest(e, envs) ? `did you mean \`${suggest(e, envs)}\`?` : `environments: ${envs.join(', ')}`);
            });
        }
        for (const k of ['reason', 'approver']) {
            if (o[k] !== undefined && (typeof o[k] !== 'string' || o[k].trim() === ''))
                bad([k], `\`${k}\` must be a non-empty text`, missingHint[k]);
        }
        if (typeof o.reason === 'string' && o.reason.trim() !== '' && o.reason.trim().length < 10) {
            bad(['reason'], '`reason` is too short to tell a reviewer why this cannot wait for the window', missingHint.reason);
        }
        let expires;
        if (o.expires !== undefined) {
            const parsed = typeof o.expires === 'string' ? parseInstant(o.expires) : { error: INSTANT_FORM };
            if ('instant' in parsed)
                expires = parsed.instant;
            else if (parsed.error === INSTANT_FORM)
                bad(['expires'], `\`expires\` is ${JSON.stringify(o.expires)}, not a date and time with a UTC offset`, missingHint.expires);
            else
                bad(['expires'], `\`expires\` is ${JSON.stringify(o.expires)}, which ${parsed.error}`, missingHint.expires);
        }
        if (findings.length > before || !expires)
            continue;
        if (expires.getTime() <= at.getTime()) {
            bad(['expires'], `the override expired at ${o.expires}`, 'delete the record: the emergency is over (it stays in Git history)', 'windows/override-expired');
            continue;
        }
        if (expires.getTime() - at.getTime() > MAX_OVERRIDE_MS) {
            bad(['expires'], `the override runs until ${o.expires}, more than 7 days ahead`, 'an override is for one emergency: let it expire within 7 days');
            continue;
        }
        records.push({ file, line: source.lineOf(['approver']), environments: list, reason: o.reason.trim(), approver: o.approver.trim(), expires });
    }
    return { records, findings };
}
const missingHint = {
    environments: 'add `environments: [prod]`: the environments the emergency change may reach',
    reason: 'add `reason: "…"`: why the change cannot wait for the next window',
    approver: 'add `approver: "…"`: who approved the emergency change',
    expires: 'add `expires: 2027-03-01T18:00:00+08:00`: when the override ends (at most 7 days ahead)',
};
