/**
 * The decisions of `promote` (canary/promote.ts) on the seed's configuration, table-driven and in
 * memory: the cases the end-to-end tests (test/review/promote-cli.test.ts) do not reach.
 */
import { describe, expect, it } from 'vitest';
import { decidePromotion, type PromoteRequest } from '../../src/canary/promote.js';
import { loadConfig } from '../../src/config/load.js';
import type { ServiceConfig } from '../../src/config/types.js';
import { diskFs } from '../../src/core/fs.js';
import { loadOptions } from '../helpers/load-options.js';
import { REPO_ROOT } from '../helpers/platform.js';

const config = loadConfig(diskFs(REPO_ROOT), loadOptions);
const env = (name: string) => config.clusters.flatMap((c) => c.environments).find((e) => e.name === name)!;
const service = (name: string) => config.services.find((s) => s.name === name)!;
/** Tuesday 22:30 in Shanghai: prod's window is open; staging's is closed. */
const TUESDAY_NIGHT = new Date('2026-12-08T14:30:00Z');

function request(s: ServiceConfig, from: string, to: string, overrides: PromoteRequest['overrides'] = []): PromoteRequest {
  return { service: s, from: env(from), to: env(to), at: TUESDAY_NIGHT, overrides };
}

describe('decidePromotion', () => {
  it('into an environment whose canary is in progress: refused, naming it', () => {
    const xiaoke = service('xiaoke');
    const s = { ...xiaoke, environments: { ...xiaoke.environments, staging: { version: '2.2.0' } } };
    expect(decidePromotion(request(s, 'staging', 'prod'))).toEqual({
      kind: 'refused',
      message: 'xiaoke in prod is mid-canary: canary 2.1.0 at 20%; promote or abort it first (`npm run canary -- promote|abort xiaoke --env prod`)',
    });
  });

  it('the version already the target\'s canary: nothing to promote', () => {
    const xiaoke = service('xiaoke');
    const s = { ...xiaoke, environments: { ...xiaoke.environments, staging: { version: '2.1.0' } } };
    expect(decidePromotion(request(s, 'staging', 'prod'))).toEqual({ kind: 'nothing', message: 'nothing to promote: 2.1.0 is already the canary of xiaoke in prod (at 20%)' });
  });

  it('a service removed from an environment: refused', () => {
    const xiaoai = service('xiaoai');
    const s = { ...xiaoai, environments: { ...xiaoai.environments, prod: { enabled: false } } };
    expect(decidePromotion(request(s, 'dev', 'prod'))).toEqual({
      kind: 'refused',
      message: 'xiaoai does not run in prod (`environments.prod.enabled: false` in apps/xiaoai/service.yaml): nothing to promote to',
    });
  });

  it('back to the service-wide version: the edit removes the override (canary/edit.ts), the summary says from what', () => {
    const xiaoai = service('xiaoai');
    expect(decidePromotion(request(xiaoai, 'prod', 'dev'))).toEqual({
      kind: 'edit',
      edit: { action: 'version', version: '2.1.0', serviceVersion: '2.1.0' },
      summary: 'Promoted 2.1.0 of xiaoai from prod to dev (was 2.2.0-rc.1).',
    });
  });

  it('an override record for another environment does not open the target', () => {
    const xiaoai = service('xiaoai');
    const record = { file: 'changes/x.yaml', line: 3, environments: ['prod'], reason: 'an emergency elsewhere', approver: 'SRE', expires: new Date('2026-12-09T00:00:00Z') };
    const d = decidePromotion(request(xiaoai, 'dev', 'staging', [record]));
    expect(d.kind).toBe('refused');
    expect(d.kind === 'refused' && d.message.startsWith('staging is outside its change window at 2026-12-08T14:30:00.000Z')).toBe(true);
  });
});
