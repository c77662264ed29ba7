/**
 * The configuration edits of `npm run stage`: a change of `apps/<service>/service.yaml` made to reach
 * one environment at a time through the service's per-environment overrides, so that each pull
 * request touches one environment and lands inside that environment's own window
 * (docs/change-windows.md, "Staging a change").
 *
 * - `enable` (`stage <service> --env <env>`): the working tree's change against the base revision is
 *   moved into `environments.<env>`: a changed `version` or setting is set back at the top level and
 *   written as `<env>`'s override; a new service gets `enabled: false` in every other environment.
 * - `promote` (`stage <service> --env <env> --from <staged>`): what `<staged>` overrides (version,
 *   settings) is copied to `<env>` where `<env>` has no override of its own, and an `enabled: false`
 *   of `<env>` is removed when `<staged>` runs the service.
 *
 * Once every environment carries the same override, moving it to the top level changes no built
 * object anywhere, so that last clean-up touches no environment. Pure: texts in, text out.
 */
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { UsageError } from '../core/errors.js';
/** Top-level keys a change of which can be staged: they have a per-environment override taken as is. */
const STAGEABLE = ['version', 'settings'];
/** The service file's text with the change staged; `notes` say what moved where. */
export function stageServiceText(file, now, edit) {
    const doc = parseDocument(now, { version: '1.2' });
    const notes = edit.action === 'enable' ? enable(doc, file, edit) : promote(doc, file, edit.env, edit.from);
    return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), notes };
}
function enable(doc, file, edit) {
    const env = edit.env;
    if (edit.before === undefined) {
        const others = edit.envs.filter((e) => e !== env && doc.getIn(['environments', e, 'enabled']) !== false);
        for (const e of others)
            doc.setIn(['environments', e, 'enabled'], false);
        if (others.length === 0)
            throw new UsageError(`nothing to stage: ${file} already runs in ${env} alone`);
        return [`new service: runs in ${env} only (enabled: false in ${others.join(', ')})`];
    }
    const was = (parseDocument(edit.before, { version: '1.2' }).toJS() ?? {});
    const is = (doc.toJS() ?? {});
    const changed = Object.keys({ ...was, ...is }).filter((k) => k !== 'environments' && JSON.stringify(was[k]) !== JSON.stringify(is[k]));
    const other = changed.filter((k) => !STAGEABLE.includes(k));
    if (other.length > 0) {
        throw new UsageError(`${other.map((k) => `\`${k}\``).join(', ')} of ${file} changed, which ${other.length === 1 ? 'has' : 'have'} no per-environment override: ` +
            `only ${STAGEABLE.map((k) => `\`${k}\``).join(' and ')} can be staged (sizes differ per environment: set \`environments.${env}.replicas\`, \`autoscaling\` or \`resources\` yourself)`);
    }
    if (changed.length === 0)
        throw new UsageError(`nothing to stage: the top level of ${file} does not differ from the base revision`);
    const own = is['environments']?.[env] ?? {};
    const notes = [];
    if (changed.includes('version')) {
        if (own['version'] !== undefined)
            throw new UsageError(`${env} overrides \`version\` already (environments.${env}.version): the change of \`version\` would not reach it`);
        setText(doc, ['version'], String(was['version']));
        doc.setIn(['environments', env, 'version'], quoted(String(is['version'])));
        notes.push(`version ${String(is['version'])}: ${env} only (the others keep ${String(was['version'])})`);
    }
    if (changed.includes('settings')) {
        const a = (was['settings'] ?? {});
        const b = (is['settings'] ?? {});
        const removed = Object.keys(a).filter((k) => !(k in b));
        if (removed.length > 0)
            throw new UsageError(`setting ${removed.join(', ')} was removed: an override cannot remove a setting in one environment; remove it in a change of its own`);
        const ownSettings = (own['settings'] ?? {});
        for (const k of Object.keys(b).filter((k) => a[k] !== b[k])) {
            if (k in ownSettings)
                throw new UsageError(`${env} overrides setting ${k} already (environments.${env}.settings.${k}): the change would not reach it`);
            if (k in a)
                setText(doc, ['settings', k], a[k]);
            else
                doc.deleteIn(['settings', k]);
            doc.setIn(['environments', env, 'settings', k], quoted(b[k]));
            notes.push(`setting ${k}=${b[k]}: ${env} only`);
        }
    }
    return notes;
}
function promote(doc, file, env, from) {
    if (env === from)
        throw new UsageError(`--from ${from} is the environment to promote to; name the environment the change was staged in`);
    const envs = (doc.getIn(['environments']) !== undefined ? doc.toJS()['environments'] : {});
    const staged = envs[from] ?? {};
    const own = envs[env] ?? {};
    const notes = [];
    if (own['enabled'] === false && staged['enabled'] !== false) {
        doc.deleteIn(['environments', env, 'enabled']);
        notes.push(`runs in ${env} too (enabled: false removed)`);
    }
    if (typeof staged['version'] === 'string' && own['version'] === undefined) {
        doc.setIn(['environments', env, 'version'], quoted(staged['version']));
        notes.push(`version ${staged['version']}: ${env} too`);
    }
    const ownSettings = (own['settings'] ?? {});
    for (const [k, v] of Object.entries((staged['settings'] ?? {}))) {
        if (k in ownSettings)
            continue;
        doc.setIn(['environments', env, 'settings', k], quoted(v));
        notes.push(`setting ${k}=${v}: ${env} too`);
    }
    if (notes.length === 0)
        throw new UsageError(`nothing to promote: ${file} stages nothing in ${from} that ${env} does not already have`);
    const empty = doc.getIn(['environments', env], true);
    if (isMap(empty) && empty.items.length === 0)
        doc.deleteIn(['environments', env]);
    return notes;
}
/** Sets a text value in place when one is there, so the comments beside it stay. */
function setText(doc, path, value) {
    const node = doc.getIn(path, true);
    if (!isScalar(node)) {
        doc.setIn(path, quoted(value));
        return;
    }
    node.value = value;
    node.type = Scalar.QUOTE_DOUBLE;
}
/** Versions and settings are always written quoted, as in every service file (`"2.10"` must stay a string). */
function quoted(v) {
    const s = new Scalar(v);
    s.type = Scalar.QUOTE_DOUBLE;
    return s;
}
