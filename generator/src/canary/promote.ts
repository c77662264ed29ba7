/**
 * What `promote <service> --from <env> --to <env>` does (issue 14), decided from the loaded
 * configuration before any text is touched. Pure.
 *
 * - The version promoted is the source's stable version (`environments.<from>.version`, else the
 *   service's `version`). A canary in the source, even at 100 %, is not promoted: until
 *   `canary promote` makes it the stable version it can still be aborted, so the source is refused
 *   as mid-canary. The configuration pins versions by tag only (an image may not carry a digest:
 *   config/service/checks.ts), so the tag is the exact version.
 * - Into an environment with a gray release, the version becomes its next canary at the first step
 *   (as `canary start`); into one without, its stable version.
 * - Outside the target's change window it is refused unless an override record
 *   (`changes/<id>.yaml`, windows/overrides.ts) names the target environment.
 */
import type { EnvironmentConfig, ServiceConfig } from '../config/types.js';
import { formatLocal } from '../time/zone.js';
import { stateAt } from '../windows/engine.js';
import type { OverrideRecord } from '../windows/overrides.js';
import { stableVersion, type CanaryEdit } from './edit.js';

export interface PromoteRequest {
  service: ServiceConfig;
  from: EnvironmentConfig;
  to: EnvironmentConfig;
  at: Date;
  /** Valid, unexpired override records. */
  overrides: readonly OverrideRecord[];
}

/** The edit to make, nothing to do (exit 0), or a refusal (exit 1), each with what to tell the user. */
export type PromoteDecision =
  | { kind: 'edit'; edit: CanaryEdit; summary: string; note?: string }
  | { kind: 'nothing'; message: string }
  | { kind: 'refused'; message: string };

/** Decides the promotion. */
export function decidePromotion(r: PromoteRequest): PromoteDecision {
  const s = r.service;
  const from = r.from.name;
  const to = r.to.name;
  const off = [from, to].find((e) => s.environments[e]?.enabled === false);
  if (off !== undefined) return { kind: 'refused', message: `${s.name} does not run in ${off} (\`environments.${off}.enabled: false\` in ${s.file}): nothing to promote ${off === from ? 'from' : 'to'}` };
  const source = s.environments[from]?.grayRelease?.canary;
  if (source) {
    return {
      kind: 'refused',
      message:
        `${s.name} in ${from} is mid-canary: canary ${source.version} at ${source.weight}% (stable ${stableVersion(s, from)}); ` +
        `finish it first with \`npm run canary -- promote ${s.name} --env ${from}\` (or \`npm run canary -- abort ${s.name} --env ${from}\`), then promote its stable version`,
    };
  }
  const version = stableVersion(s, from);
  const current = stableVersion(s, to);
  const gray = s.environments[to]?.grayRelease;
  if (version === current) return { kind: 'nothing', message: `nothing to promote: ${s.name} runs ${version} in ${from} and in ${to}` };
  if (gray?.canary) {
    if (gray.canary.version === version) return { kind: 'nothing', message: `nothing to promote: ${version} is already the canary of ${s.name} in ${to} (at ${gray.canary.weight}%)` };
    return {
      kind: 'refused',
      message: `${s.name} in ${to} is mid-canary: canary ${gray.canary.version} at ${gray.canary.weight}%; promote or abort it first (\`npm run canary -- promote|abort ${s.name} --env ${to}\`)`,
    };
  }
  const window = stateAt(r.to.changeWindows, r.at);
  const override = window.open ? undefined : r.overrides.find((o) => o.environments.includes(to));
  if (!window.open && !override) {
    const w = r.to.changeWindows;
    const zone = w && !w.alwaysOpen ? w.timeZone : undefined;
    const next = window.nextChange ? `; it opens after ${zone ? `${formatLocal(zone, window.nextChange.getTime())} (${window.nextChange.toISOString()})` : window.nextChange.toISOString()}` : '';
    return {
      kind: 'refused',
      message:
        `${to} is outside its change window at ${r.at.toISOString()} (${window.rule})${next}. ` +
        `Promote inside the window, or commit an override record changes/<id>.yaml naming ${to} (docs/change-windows.md, "Emergency overrides")`,
    };
  }
  const note = override ? `outside the change window of ${to}, let through by the override ${override.file} (approver ${override.approver})` : undefined;
  const via = `${s.name} from ${from} to ${to}`;
  if (gray) {
    const weight = gray.steps[0]!;
    return { kind: 'edit', edit: { action: 'start', version, weight }, summary: `Promoted ${version} of ${via}: the canary of ${to} at ${weight}% (stable ${current}, ${gray.control} control).`, ...(note ? { note } : {}) };
  }
  return { kind: 'edit', edit: { action: 'version', version, serviceVersion: s.version }, summary: `Promoted ${version} of ${via} (was ${current}).`, ...(note ? { note } : {}) };
}
