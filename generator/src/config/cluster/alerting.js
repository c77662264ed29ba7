import { Reporter, isRaw, q } from '../shared/checks.js';
import { checkName } from '../shared/names.js';
import { ALERT_LEVELS } from '../shared/vocabulary.js';
/** Alertmanager's duration (prometheus/common model.ParseDuration): units from years to milliseconds, at least one. */
const DURATION = /^(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?$/;
const TIMINGS = ['groupWait', 'groupInterval', 'repeatInterval'];
const WEBHOOK_CHANNELS = new Set(['phone', 'dingtalk', 'wecom', 'ticket']);
/** Checks one cluster file's `alerting`. */
export function checkAlerting(f, out) {
    const a = f.data.alerting;
    if (!isRaw(a))
        return;
    const r = new Reporter(f.source, out);
    const envs = isRaw(f.data.environments) ? Object.keys(f.data.environments) : [];
    const example = envs[0] ?? 'prod';
    const receivers = isRaw(a.receivers) ? a.receivers : {};
    for (const [name, x] of Object.entries(receivers)) {
        const at = (...p) => ['alerting', 'receivers', name, ...p];
        if (!checkName(r, at(), name, 'dingtalk'))
            continue;
        if (!isRaw(x))
            continue;
        const webhook = WEBHOOK_CHANNELS.has(String(x.channel));
        const [needed, unused] = webhook ? ['url', 'email'] : ['email', 'url'];
        if (typeof x.channel === 'string' && x[needed] === undefined) {
            r.report('alert-receiver', at('channel'), `receiver \`${name}\` of channel \`${x.channel}\` has no \`${needed}\``, webhook ? `add \`url: {key: suoke/${example}/alerting/${name}}\`: the store key of its webhook URL` : 'add `email: {to, from, smarthost, username, password: {key}}`');
        }
        if (typeof x.channel === 'string' && x[unused] !== undefined) {
            r.report('alert-receiver', at(unused), `receiver \`${name}\` of channel \`${x.channel}\` takes no \`${unused}\``, `remove it, or make the receiver's channel ${webhook ? '`email`' : 'one of `phone`, `dingtalk`, `wecom`, `ticket`'}`);
        }
        if (isRaw(x.url))
            checkStoreKey(r, at('url', 'key'), x.url.key, envs, `suoke/${example}/alerting/${name}`);
        if (isRaw(x.email) && isRaw(x.email.password))
            checkStoreKey(r, at('email', 'password', 'key'), x.email.password.key, envs, `suoke/${example}/alerting/smtp`);
    }
    if (isRaw(a.levels))
        checkLevels(r, a.levels, Object.keys(receivers));
}
function checkLevels(r, levels, known) {
    const choice = known.length > 0 ? known.map((k) => `\`${k}\``).join(', ') : 'none declared';
    for (const level of ALERT_LEVELS) {
        const l = isRaw(levels[level]) ? levels[level] : {};
        const at = (...p) => ['alerting', 'levels', level, ...p];
        const names = Array.isArray(l.receivers) ? l.receivers : [];
        if (names.length === 0) {
            r.report('alert-level', levels[level] === undefined ? ['alerting', 'levels'] : at(), `alert level ${level} has no receivers: its alerts would reach nobody`, `list at least one of \`alerting.receivers\` (${choice}) under ${q(at('receivers'))}`, 'key');
        }
        names.forEach((n, i) => {
            if (typeof n === 'string' && !known.includes(n)) {
                r.report('alert-level', at('receivers', i), `${q(at('receivers', i))} names \`${n}\`, which is not a receiver of \`alerting.receivers\``, `name one of ${choice}, or declare \`${n}\` under \`alerting.receivers\``);
            }
        });
        for (const t of TIMINGS) {
            const v = l[t];
            if (typeof v === 'string' && (v === '' || !DURATION.test(v))) {
                r.report('alert-level', at(t), `${q(at(t))} is ${JSON.stringify(v)}, not a duration Alertmanager reads`, 'write a number and a unit, e.g. `30s`, `5m`, `4h`, `1d`');
            }
        }
    }
}
/** A store key `suoke/<env>/…` of one of the cluster's environments; a URL here is the secret itself. */
function checkStoreKey(r, path, v, envs, example) {
    if (typeof v !== 'string')
        return;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.includes('@')) {
        r.report('alert-secret', path, `${q(path)} is a literal URL or address; expected a key of the secret store such as \`${example}\``, 'put the value in the secret store under that key and name the key here: a webhook URL carries its token and must not be committed');
        return;
    }
    const m = /^suoke\/([^/]+)\/\S+$/.exec(v);
    if (!m) {
        r.report('alert-secret', path, `${q(path)} is ${JSON.stringify(v)}, not a key of the form \`suoke/<env>/...\``, `e.g. \`${example}\``);
    }
    else if (!envs.includes(m[1])) {
        r.report('alert-secret', path, `${q(path)} is ${JSON.stringify(v)}, but \`${m[1]}\` is no environment of this cluster`, `use the key of one of its environments, e.g. \`${example}\``);
    }
}
