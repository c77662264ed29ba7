/** `smokeTests` and `perfTests.load` in cluster.yaml (issue 13): what loads with its defaults, and each mistake with its message. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { alpha, fixtureFs, prod, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const P = 'clusters/prod/cluster.yaml';
/** An API gateway for the load test to drive: `alpha` renamed. */
const GATEWAY = alpha.replace('name: alpha', 'name: api-gateway');
const load = (env: string, files: Record<string, string> = { 'apps/api-gateway/service.yaml': GATEWAY }) => readConfig(fixtureFs([], { [P]: `${prod}${env}`, ...files }), loadOptions);
/** Line of the first line appended to the environment (1-based). */
const line = prod.split('\n').length;
const at = (n: number) => line + n;

describe('smoke and load tests', () => {
  it('load with their defaults: enabled, 300 s per run and 10 s per request; 500 users for 5 + 10 minutes, average < 2 s, errors < 0.1 %', () => {
    const { config, findings } = load('    smokeTests: {}\n    perfTests:\n      load: {}\n');
    expect(findings).toEqual([]);
    const e = config!.clusters.find((c) => c.name === 'prod')!.environments[0]!;
    expect(e.smokeTests).toEqual({ enabled: true, timeoutSeconds: 300, requestTimeoutSeconds: 10 });
    expect(e.perfTests).toEqual({ load: { vus: 500, rampUpSeconds: 300, holdSeconds: 600, path: '/health', maxAvgMs: 2000, maxErrorRate: 0.001 } });
  });

  it.each<[string, string, Record<string, string> | undefined, unknown[]]>([
    [
      'a request timeout as long as the run',
      '    smokeTests: {timeoutSeconds: 60, requestTimeoutSeconds: 60}\n',
      undefined,
      [{ check: 'config/smoke-test', file: P, line: at(0), path: 'environments.prod.smokeTests.requestTimeoutSeconds', message: '`environments.prod.smokeTests.requestTimeoutSeconds` (60) is not less than `timeoutSeconds` (60): the Job would be ended before one request timed out, with no word of which service hung', hint: 'lower `requestTimeoutSeconds` or raise `timeoutSeconds`' }],
    ],
    [
      'a run shorter than the 30 s minimum',
      '    smokeTests: {timeoutSeconds: 5}\n',
      undefined,
      [{ check: 'config/range', file: P, line: at(0), path: 'environments.prod.smokeTests.timeoutSeconds', message: '`environments.prod.smokeTests.timeoutSeconds` must be at least 30; found 5', hint: 'use a value from 30 to 1800' }],
    ],
    [
      'more virtual users than the goal',
      '    perfTests:\n      load: {vus: 20000}\n',
      undefined,
      [{ check: 'config/range', file: P, line: at(1), path: 'environments.prod.perfTests.load.vus', message: '`environments.prod.perfTests.load.vus` must be at most 10000; found 20000', hint: 'use a value from 1 to 10000' }],
    ],
    [
      'an error rate above 1',
      '    perfTests:\n      load: {maxErrorRate: 5}\n',
      undefined,
      [{ check: 'config/range', file: P, line: at(1), path: 'environments.prod.perfTests.load.maxErrorRate', message: '`environments.prod.perfTests.load.maxErrorRate` must be at most 1; found 5', hint: 'use a value from 0 to 1' }],
    ],
    [
      'a load path that is no path',
      '    perfTests:\n      load: {path: health}\n',
      undefined,
      [{ check: 'config/pattern', file: P, line: at(1), path: 'environments.prod.perfTests.load.path', message: '`environments.prod.perfTests.load.path` is `health`, not of the form ^/', hint: 'e.g. `path: /health`' }],
    ],
    [
      'a load test without an API gateway',
      '    perfTests:\n      load: {}\n',
      {},
      [{ check: 'config/load-test', file: P, line: at(1), path: 'environments.prod.perfTests.load', message: '`environments.prod.perfTests.load` loads the `api-gateway` Service, but there is no service `api-gateway`', hint: 'add apps/api-gateway/service.yaml, or remove the load test' }],
    ],
    [
      'a load test where the API gateway does not run',
      '    perfTests:\n      load: {}\n',
      { 'apps/api-gateway/service.yaml': `${GATEWAY}environments:\n  prod:\n    enabled: false\n` },
      [{ check: 'config/load-test', file: P, line: at(1), path: 'environments.prod.perfTests.load', message: '`environments.prod.perfTests.load` loads the `api-gateway` Service, which does not run in `prod` (`enabled: false`)', hint: 'enable `api-gateway` in `prod`, or remove the load test' }],
    ],
  ])('%s', (_name, env, files, expected) => {
    expect(withoutSeverity(load(env, files).findings)).toEqual(expected);
  });
});
