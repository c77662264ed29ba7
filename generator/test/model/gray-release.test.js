/** The model of a gray release, on the fixture platform: records in prod (git, canary 2.5.0 at 20%), scheduler in dev (auto, no canary). */
import { describe, expect, it } from 'vitest';
import { FIXTURE_PLATFORM, modelOf } from '../helpers/platform.js';
const model = modelOf(FIXTURE_PLATFORM);
const instance = (env, service) => model.environments.find((e) => e.env.name === env).instances.find((i) => i.service.name === service);
describe('gray releases in the model', () => {
    it('a canary in progress: a Rollout running the canary version, the stable version kept, the plan copied', () => {
        const i = instance('prod', 'records');
        expect({ workload: i.workload, version: i.version, image: i.image, grayRelease: i.grayRelease }).toEqual({
            workload: 'Rollout',
            version: '2.4.0',
            image: 'registry.suoke-life.com/suoke-life/records:2.5.0',
            grayRelease: {
                steps: [5, 20, 50, 100],
                pause: '10m',
                control: 'git',
                analysis: { maxErrorRate: 0.01, maxP95LatencyMs: 1500, interval: '2m', failureLimit: 3 },
                canary: { version: '2.5.0', weight: 20 },
            },
        });
    });
    it('a gray release without a canary: a Rollout on the stable version', () => {
        const i = instance('dev', 'scheduler');
        expect([i.workload, i.version, i.image, i.grayRelease?.canary]).toEqual(['Rollout', '0.9.1', 'registry.suoke-life.com/suoke-life/scheduler:0.9.1', undefined]);
    });
    it('the same service elsewhere stays a plain Deployment without a gray release', () => {
        for (const [env, service] of [['dev', 'records'], ['test', 'records'], ['dev', 'gateway'], ['test', 'gateway'], ['prod', 'gateway'], ['prod', 'scheduler']]) {
            const i = instance(env, service);
            expect([env, service, i.workload, i.grayRelease, i.image.endsWith(`:${i.version}`)]).toEqual([env, service, 'Deployment', undefined, true]);
        }
    });
});
