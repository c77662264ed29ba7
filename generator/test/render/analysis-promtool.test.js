/**
 * The canary analysis, proved on synthetic series with the real Prometheus engine: each query of the
 * RENDERED AnalysisTemplate (args filled in as the rendered Rollout passes them) becomes a recording
 * rule under `promtool test rules`, which checks the value it yields for each case; Argo Rollouts'
 * verdict on that value is then computed from the rendered success and failure conditions
 * (helpers/rollouts-evaluate.ts). Regression: `isNaN(result[0]) || …` passed a canary nobody used.
 *
 * Needs `promtool` (Debian's `prometheus` package; `.ci/run` installs it). Without it the suite is
 * skipped, and its title says why.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { analysisTemplate } from '../../src/render/analysis.js';
import { evaluateResult } from '../helpers/rollouts-evaluate.js';
import { FIXTURE_PLATFORM, modelOf, renderOf } from '../helpers/platform.js';
const PROMTOOL = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
const TITLE = 'the rendered canary analysis under `promtool test rules`';
// The prod records service of the fixture: gRPC (the default), maxErrorRate 0.01, maxP95LatencyMs 1500.
const objects = renderOf(FIXTURE_PLATFORM).targets.find((t) => t.path === 'clusters/prod/prod/records').objects;
const rollout = objects.find((o) => o.kind === 'Rollout');
const args = Object.fromEntries(rollout.spec.strategy.canary.analysis.args.map((a) => [a.name, a.value]));
const instance = modelOf(FIXTURE_PLATFORM).environments.find((e) => e.env.name === 'prod').instances.find((i) => i.service.name === 'records');
const TEMPLATES = {
    grpc: objects.find((o) => o.kind === 'AnalysisTemplate'),
    // The same service declared HTTP-only (`grpc: false`), measured every minute (the seed's interval).
    http: analysisTemplate({
        ...instance,
        service: { ...instance.service, grpc: false },
        grayRelease: { ...instance.grayRelease, analysis: { ...instance.grayRelease.analysis, interval: '1m' } },
    }),
};
const metricsOf = (t) => t.spec.metrics;
const CANARY = { reporter: 'source', destination_service_namespace: args['namespace'], destination_service_name: args['service'] };
const STABLE = { ...CANARY, destination_service_name: 'records' };
/** Twenty-one scrapes, 0 to 10 minutes, growing by `n` per scrape. */
const growing = (n) => `0+${n}x20`;
/** Requests with an HTTP code and, for gRPC, a grpc-status (empty on plain HTTP, as Istio reports it). */
function requests(code, grpc, values, who = CANARY) {
    return { labels: { ...who, response_code: code, ...(grpc !== undefined ? { request_protocol: 'grpc', grpc_response_status: grpc } : {}) }, values };
}
/** Latency histogram: `perScrape` requests per scrape, all just under `bound` ms (in the bucket ending there). */
function latency(bound, perScrape, who = CANARY) {
    return ['25', '50', '100', '250', '500', '1000', '2500', '5000', '+Inf'].map((le) => ({
        labels: { ...who, le },
        values: le === '+Inf' || Number(le) >= bound ? growing(perScrape) : '0x20',
    }));
}
/**
 * In every case, traffic that must not count: the stable version's errors and slowness, and what the
 * canary's own sidecars report (`reporter="destination"`).
 */
const NOISE = {
    requests: [requests('503', undefined, growing(30), STABLE), requests('503', undefined, growing(30), { ...CANARY, reporter: 'destination' })],
    latency: [...latency(5000, 30, STABLE), ...latency(5000, 30, { ...CANARY, reporter: 'destination' })],
};
const CASES = [
    {
        name: 'healthy: 1 request/s, no errors, p95 97.5 ms: Successful',
        requests: [requests('200', '0', growing(30))],
        latency: latency(100, 30),
        values: { 'error-rate': 0, 'p95-latency': 97.5 },
        phases: { 'error-rate': 'Successful', 'p95-latency': 'Successful' },
    },
    {
        name: '10 % 5xx: the error rate fails',
        requests: [requests('200', undefined, growing(27)), requests('503', undefined, growing(3))],
        latency: latency(100, 30),
        values: { 'error-rate': 0.1, 'p95-latency': 97.5 },
        phases: { 'error-rate': 'Failed', 'p95-latency': 'Successful' },
    },
    {
        name: '10 % gRPC UNAVAILABLE answered with HTTP 200: the error rate fails',
        only: 'grpc',
        requests: [requests('200', '0', growing(27)), requests('200', '14', growing(3))],
        latency: latency(100, 30),
        values: { 'error-rate': 0.1, 'p95-latency': 97.5 },
        phases: { 'error-rate': 'Failed', 'p95-latency': 'Successful' },
    },
    {
        name: 'slow: p95 4875 ms fails',
        requests: [requests('200', '0', growing(30))],
        latency: latency(5000, 30),
        values: { 'error-rate': 0, 'p95-latency': 4875 },
        phases: { 'error-rate': 'Successful', 'p95-latency': 'Failed' },
    },
    {
        name: 'no traffic (the counters stand still): NaN, Inconclusive',
        requests: [requests('200', '0', '600x20'), requests('503', undefined, '30x20')],
        latency: latency(100, 0).map((s) => ({ ...s, values: '600x20' })),
        values: { 'error-rate': NaN, 'p95-latency': NaN },
        phases: { 'error-rate': 'Inconclusive', 'p95-latency': 'Inconclusive' },
    },
    {
        name: 'no canary series at all (not scraped, or nothing routed to it): NaN, Inconclusive',
        requests: [],
        latency: [],
        values: { 'error-rate': NaN, 'p95-latency': NaN },
        phases: { 'error-rate': 'Inconclusive', 'p95-latency': 'Inconclusive' },
    },
    {
        name: 'the last two scrapes missed: the window still holds the 5xx, which fail',
        requests: [requests('200', undefined, '0+27x18 _x2'), requests('503', undefined, '0+3x18 _x2')],
        latency: latency(100, 30),
        values: { 'error-rate': 0.1, 'p95-latency': 97.5 },
        phases: { 'error-rate': 'Failed', 'p95-latency': 'Successful' },
    },
];
/** `error-rate` → `analysis:error_rate`. */
const recordOf = (metric) => `analysis:${metric.replaceAll('-', '_')}`;
const fill = (query) => query.replaceAll('{{args.namespace}}', args['namespace']).replaceAll('{{args.service}}', args['service']);
const series = (s, name) => ({
    series: `${name}{${Object.entries(s.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`,
    values: s.values,
});
/**
 * One promtool unit test: every query of the template as a recording rule, and per rule checks that
 * hold on any promtool version (exact float and NaN comparisons differ between versions): exactly one
 * sample; NaN or not; the value within 1e-9.
 */
function promtoolFiles(template, c) {
    const metrics = metricsOf(template);
    const rules = { groups: [{ name: 'canary-analysis', rules: metrics.map((m) => ({ record: recordOf(m.name), expr: fill(m.provider.prometheus.query) })) }] };
    const one = (expr, value) => ({ expr, eval_time: '10m', exp_samples: [{ labels: '{}', value }] });
    const checks = metrics.flatMap((m) => {
        const r = recordOf(m.name);
        const v = c.values[m.name];
        return [
            one(`count(${r})`, 1),
            one(`${r} != bool ${r}`, Number.isNaN(v) ? 1 : 0),
            ...(Number.isNaN(v) ? [] : [one(`abs(${r} - ${v}) < bool 1e-9`, 1)]),
        ];
    });
    const input = [
        ...[...c.requests, ...NOISE.requests].map((s) => series(s, 'istio_requests_total')),
        ...[...c.latency, ...NOISE.latency].map((s) => series(s, 'istio_request_duration_milliseconds_bucket')),
    ];
    const tests = { rule_files: ['rules.yaml'], evaluation_interval: '30s', tests: [{ interval: '30s', input_series: input, promql_expr_test: checks }] };
    return { rules: stringify(rules, { lineWidth: 0 }), tests: stringify(tests, { lineWidth: 0 }) };
}
function runPromtool(files) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtool-'));
    try {
        fs.writeFileSync(path.join(dir, 'rules.yaml'), files.rules);
        fs.writeFileSync(path.join(dir, 'tests.yaml'), files.tests);
        const r = spawnSync('promtool', ['test', 'rules', 'tests.yaml'], { cwd: dir, encoding: 'utf8' });
        return { status: r.status, output: `${r.stdout}${r.stderr}` };
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
const rows = Object.keys(TEMPLATES).flatMap((t) => CASES.filter((c) => !c.only || c.only === t).map((c) => [`${t}: ${c.name}`, t, c]));
describe.skipIf(!PROMTOOL)(PROMTOOL ? TITLE : `${TITLE}: SKIPPED, promtool is not on PATH (apt-get install prometheus; .ci/run installs it)`, () => {
    it.each(rows)('%s', (_name, t, c) => {
        const template = TEMPLATES[t];
        const run = runPromtool(promtoolFiles(template, c));
        expect(run.output).toContain('SUCCESS');
        expect(run.status).toBe(0);
        // Argo Rollouts' verdict on what promtool proved each query yields.
        const phases = Object.fromEntries(metricsOf(template).map((m) => [m.name, evaluateResult(m, [c.values[m.name]])]));
        expect(phases).toEqual(c.phases);
    });
});
describe('the analysis templates tested above', () => {
    it('query the canary Service the rendered Rollout passes, in its namespace', () => {
        expect(args).toEqual({ service: 'records-canary', namespace: 'fixture-prod' });
    });
    it('span four scrape intervals (2m) even when measuring every minute', () => {
        expect([TEMPLATES.grpc, TEMPLATES.http].map((t) => metricsOf(t).map((m) => [m.interval, /\[(\w+)\]/.exec(m.provider.prometheus.query)[1]]))).toEqual([
            [['2m', '2m'], ['2m', '2m']],
            [['1m', '2m'], ['1m', '2m']],
        ]);
    });
    it('count gRPC statuses only for a gRPC service', () => {
        const queries = (t) => metricsOf(t).map((m) => m.provider.prometheus.query.includes('grpc_response_status'));
        expect([queries(TEMPLATES.grpc), queries(TEMPLATES.http)]).toEqual([[true, false], [false, false]]);
    });
});
