/**
 * Checks of the verification settings in `clusters/<cluster>/cluster.yaml` (declarations:
 * ./smoke-tests-schema.ts and `perfTests.load` in ./perf-tests-schema.ts): a smoke request must be
 * able to time out before the Job is ended, and the load test needs the API gateway it loads to run
 * in the environment.
 */
import type { Finding } from '../../core/finding.js';
import type { ParsedFile, Raw } from '../shared/checks.js';
import { Reporter, isRaw, q } from '../shared/checks.js';

/** The service the load test drives: the plan's entry point, which routes to all services. */
export const LOAD_TARGET = 'api-gateway';

/** Checks `smokeTests` and `perfTests.load` of every environment of every cluster file. */
export function checkVerification(services: readonly ParsedFile[], clusters: readonly ParsedFile[], out: Finding[]): void {
  const gateway = services.find((s) => s.data.name === LOAD_TARGET)?.data;
  for (const f of clusters) {
    if (!isRaw(f.data.environments)) continue;
    const r = new Reporter(f.source, out);
    for (const [env, e] of Object.entries(f.data.environments)) {
      if (!isRaw(e)) continue;
      if (isRaw(e.smokeTests)) checkSmoke(r, env, e.smokeTests);
      if (isRaw(e.perfTests) && isRaw(e.perfTests.load)) checkLoadTarget(r, env, gateway);
    }
  }
}

function checkSmoke(r: Reporter, env: string, s: Raw): void {
  const request = typeof s.requestTimeoutSeconds === 'number' ? s.requestTimeoutSeconds : 10;
  const job = typeof s.timeoutSeconds === 'number' ? s.timeoutSeconds : 300;
  // A value out of its range is the schema's finding alone (smoke-tests-schema.ts: 30–1800, 1–60).
  if (request < job || job < 30 || request > 60) return;
  const path = ['environments', env, 'smokeTests', 'requestTimeoutSeconds'];
  r.report(
    'smoke-test',
    path,
    `${q(path)} (${request}) is not less than \`timeoutSeconds\` (${job}): the Job would be ended before one request timed out, with no word of which service hung`,
    'lower `requestTimeoutSeconds` or raise `timeoutSeconds`',
  );
}

function checkLoadTarget(r: Reporter, env: string, gateway: Raw | undefined): void {
  const path = ['environments', env, 'perfTests', 'load'];
  const o = gateway && isRaw(gateway.environments) ? gateway.environments[env] : undefined;
  if (!gateway) {
    r.report('load-test', path, `${q(path)} loads the \`${LOAD_TARGET}\` Service, but there is no service \`${LOAD_TARGET}\``, `add apps/${LOAD_TARGET}/service.yaml, or remove the load test`, 'key');
  } else if (isRaw(o) && o.enabled === false) {
    r.report('load-test', path, `${q(path)} loads the \`${LOAD_TARGET}\` Service, which does not run in \`${env}\` (\`enabled: false\`)`, `enable \`${LOAD_TARGET}\` in \`${env}\`, or remove the load test`, 'key');
  }
}
