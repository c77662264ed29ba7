import { formatPath } from '../../core/finding.js';
import { isDockerTag } from '../../core/names.js';
import { durationSeconds } from '../../time/duration.js';
/** The deployment plan's bound on p95 latency; a canary threshold must be below it. */
const PLAN_P95_BOUND_MS = 2000;
/** Highest first weight in a production-tier environment (staging and prod). */
const PRODUCTION_FIRST_WEIGHT_MAX = 10;
/** Checks every gray release of every service; returns one finding per problem. */
export function checkGrayReleases(input, locate = () => undefined) {
    const envs = new Map();
    for (const c of input.clusters)
        for (const e of c.environments)
            envs.set(e.name, e);
    const out = [];
    for (const s of input.services) {
        for (const [envName, o] of Object.entries(s.environments)) {
            const g = o.grayRelease;
            const env = envs.get(envName);
            if (!g || !env)
                continue;
            const at = (...p) => ['environments', envName, 'grayRelease', ...p];
            const report = (check, path, message, hint) => {
                const line = locate(s.file, path);
                out.push({
                    check: `canary/${check}`,
                    severity: 'error',
                    file: s.file,
                    ...(line !== undefined ? { line } : {}),
                    path: formatPath(path),
                    message,
                    hint,
                });
            };
            const q = (path) => `\`${formatPath(path)}\``;
            if (o.enabled === false) {
                report('disabled', at(), `${q(at())} is set, but the service is disabled in \`${envName}\` (\`enabled: false\`)`, 'remove `grayRelease`, or enable the service in this environment');
                continue;
            }
            checkSteps(g, env, at, q, report);
            checkDuration(at('pause'), g.pause, q, report);
            checkAnalysis(g, env, at, q, report);
            checkCanary(g, o.version ?? s.version, envName, at, q, report);
        }
    }
    return out;
}
const EXAMPLE_STEPS = '`steps: [5, 20, 50, 100]`';
function checkSteps(g, env, at, q, report) {
    let ordered = true;
    g.steps.forEach((w, n) => {
        if (w < 1 || w > 100) {
            report('weight-range', at('steps', n), `${q(at('steps', n))} is ${w}; a weight is a percentage of traffic from 1 to 100`, `e.g. ${EXAMPLE_STEPS}`);
            ordered = false;
        }
        else if (n > 0 && w <= g.steps[n - 1]) {
            report('steps-order', at('steps', n), `${q(at('steps', n))} (${w}) does not increase on the step before it (${g.steps[n - 1]}); weights must strictly increase`, `list the weights in rising order without repeats, e.g. ${EXAMPLE_STEPS}`);
            ordered = false;
        }
    });
    const last = g.steps[g.steps.length - 1];
    if (ordered && last !== 100) {
        report('steps-end', at('steps'), `${q(at('steps'))} ends at ${last}; the last step must be 100, so that a finished canary carries all traffic`, `append 100: \`steps: [${[...g.steps, 100].join(', ')}]\``);
    }
    const first = g.steps[0];
    if (env.tier === 'production' && first > PRODUCTION_FIRST_WEIGHT_MAX && first <= 100) {
        report('first-weight', at('steps', 0), `${q(at('steps', 0))} is ${first}; in production-tier environment \`${env.name}\` the first weight is at most ${PRODUCTION_FIRST_WEIGHT_MAX}, so a bad version meets little traffic`, `start at ${PRODUCTION_FIRST_WEIGHT_MAX} or less, e.g. ${EXAMPLE_STEPS}`);
    }
    const weight = g.canary?.weight;
    if (weight !== undefined && !g.steps.includes(weight)) {
        report('weight', at('canary', 'weight'), `${q(at('canary', 'weight'))} is ${weight}, which is not one of the steps (${g.steps.join(', ')})`, 'hold at one of the steps; `npm run canary -- advance` moves to the next one');
    }
}
function checkAnalysis(g, env, at, q, report) {
    const a = g.analysis;
    if (!a) {
        if (env.tier === 'production') {
            report('analysis-required', at(), `${q(at())} has no \`analysis\`; production-tier environment \`${env.name}\` requires thresholds that abort a bad canary`, 'add `analysis: {maxErrorRate: 0.01, maxP95LatencyMs: 1500}`');
        }
        return;
    }
    if (!(a.maxErrorRate > 0 && a.maxErrorRate < 1)) {
        report('error-rate', at('analysis', 'maxErrorRate'), `${q(at('analysis', 'maxErrorRate'))} is ${a.maxErrorRate}; it is a share of requests above 0 and below 1`, 'e.g. `maxErrorRate: 0.01` for 1%');
    }
    if (a.maxP95LatencyMs <= 0 || a.maxP95LatencyMs >= PLAN_P95_BOUND_MS) {
        report('latency', at('analysis', 'maxP95LatencyMs'), `${q(at('analysis', 'maxP95LatencyMs'))} is ${a.maxP95LatencyMs}; it must be above 0 and below the deployment plan's p95 bound of ${PLAN_P95_BOUND_MS} ms`, 'e.g. `maxP95LatencyMs: 1500`');
    }
    checkDuration(at('analysis', 'interval'), a.interval, q, report);
}
function checkCanary(g, stable, envName, at, q, report) {
    const v = g.canary?.version;
    if (v === undefined)
        return;
    const path = at('canary', 'version');
    const hint = 'give the new image tag, e.g. `version: "2.2.0"`';
    if (v.toLowerCase() === 'latest')
        report('version', path, `${q(path)} must not be \`${v}\`: a moving tag makes deployments unrepeatable`, hint);
    else if (!isDockerTag(v)) {
        report('version', path, `${q(path)} is ${JSON.stringify(v)}, not a valid image tag: expected 1–128 letters, digits, \`_\`, \`.\` or \`-\`, not starting with \`.\` or \`-\``, hint);
    }
    else if (v === stable) {
        report('version', path, `${q(path)} is ${JSON.stringify(v)}, the stable version in \`${envName}\`; a canary must name a different version`, 'give the new version, or remove `canary` when no release is in progress');
    }
}
function checkDuration(path, v, q, report) {
    const seconds = durationSeconds(v);
    if (seconds === undefined) {
        report('duration', path, `${q(path)} is ${JSON.stringify(v)}, not a duration`, 'write whole hours, minutes and seconds the Go way, e.g. `10m`, `90s` or `1h30m`');
    }
    else if (seconds === 0) {
        report('duration', path, `${q(path)} must be longer than zero`, 'e.g. `10m`');
    }
}
