/** What a gray release renders: the Rollout's steps per control, and which objects appear where. */
import { describe, expect, it } from 'vitest';
import { canarySteps } from '../../src/render/rollout.js';
import { FIXTURE_PLATFORM, renderOf } from '../helpers/platform.js';
const plan = (o) => ({ steps: [5, 20, 50, 100], pause: '10m', control: 'git', ...o });
describe('canarySteps', () => {
    it.each([
        ['auto: a weight and a timed pause per step below 100', plan({ control: 'auto' }),
            [{ setWeight: 5 }, { pause: { duration: '10m' } }, { setWeight: 20 }, { pause: { duration: '10m' } }, { setWeight: 50 }, { pause: { duration: '10m' } }]],
        ['auto: the steps do not depend on the canary', plan({ control: 'auto', canary: { version: '2', weight: 5 } }),
            [{ setWeight: 5 }, { pause: { duration: '10m' } }, { setWeight: 20 }, { pause: { duration: '10m' } }, { setWeight: 50 }, { pause: { duration: '10m' } }]],
        ['git at the first step: hold there', plan({ canary: { version: '2', weight: 5 } }), [{ setWeight: 5 }, { pause: {} }]],
        ['git at 50: only 50, then hold', plan({ canary: { version: '2', weight: 50 } }), [{ setWeight: 50 }, { pause: {} }]],
        ['git at 100: straight to 100, no pause', plan({ canary: { version: '2', weight: 100 } }), [{ setWeight: 100 }]],
        ['git without a canary: the stable version holds 100', plan({}), [{ setWeight: 100 }]],
    ])('%s', (_name, g, steps) => {
        expect(canarySteps(g)).toEqual(steps);
    });
});
/**
 * What the Argo Rollouts controller does with the new steps of a reviewed change: changed steps reset
 * `currentStepIndex` to 0 (rollout/canary.go `syncRolloutStatusCanary` → `resetRolloutStatus`), and it
 * then applies every `setWeight` from step 0 up to the first indefinite pause (or the end).
 */
function weightsWalked(steps) {
    const out = [];
    for (const s of steps) {
        if (typeof s['setWeight'] === 'number')
            out.push(s['setWeight']);
        const pause = s['pause'];
        if (pause && pause.duration === undefined)
            break;
    }
    return out;
}
describe('regression: a reviewed advance re-walked the lower weights (steps reset on every change)', () => {
    const git = (weight) => canarySteps(plan(weight === undefined ? {} : { canary: { version: '2', weight } }));
    it.each([
        ['start: 0 → 5', undefined, 5, [5]],
        ['advance 5 → 20', 5, 20, [20]],
        ['advance 20 → 50', 20, 50, [50]],
        ['advance 50 → 100', 50, 100, [100]],
    ])('%s: straight to the new weight, never below the reviewed one', (_name, from, to, walked) => {
        const w = weightsWalked(git(to));
        expect(w).toEqual(walked);
        expect(Math.min(...w)).toBeGreaterThanOrEqual(from ?? 0);
    });
    it('promote from 20 % (the canary version becomes stable, no canary left): straight to 100', () => {
        expect(weightsWalked(git())).toEqual([100]);
    });
    it('auto control: the controller walks the whole plan itself, pausing between weights', () => {
        expect(weightsWalked(canarySteps(plan({ control: 'auto', canary: { version: '2', weight: 5 } })))).toEqual([5, 20, 50]);
    });
});
describe('objects of the fixture platform', () => {
    const result = renderOf(FIXTURE_PLATFORM);
    const kinds = (path) => result.targets.find((t) => t.path === path).objects.map((o) => `${o.kind}/${o.metadata.name}`);
    it('a gray release adds a Rollout, the canary Service, the VirtualService and the AnalysisTemplate, and scrapes with a PodMonitor', () => {
        expect(kinds('clusters/prod/prod/records')).toEqual([
            'ServiceAccount/records', 'ConfigMap/records', 'ExternalSecret/records', 'Rollout/records', 'Service/records', 'Service/records-canary',
            'HorizontalPodAutoscaler/records', 'PodDisruptionBudget/records', 'NetworkPolicy/records', 'PodMonitor/records',
            'VirtualService/records', 'AnalysisTemplate/records-canary',
        ]);
    });
    /**
     * Regression: the canary pods' own metrics went unscraped. The ServiceMonitor scraped the Services'
     * endpoints; the Rollouts controller pins the stable Service to the stable pods, and the canary
     * Service had no metrics port. The PodMonitor selects every pod of the Rollout by the labels stable
     * and canary pods share, on the metrics port their template names.
     */
    it('regression: canary pods are scraped (a PodMonitor on the pod labels and the metrics port of the pod template)', () => {
        const objects = result.targets.find((t) => t.path === 'clusters/prod/prod/records').objects;
        const template = objects.find((o) => o.kind === 'Rollout').spec.template;
        const monitor = objects.find((o) => o.kind === 'PodMonitor').spec;
        const selected = Object.entries(monitor.selector.matchLabels).every(([k, v]) => template.metadata.labels[k] === v);
        const ports = template.spec.containers.flatMap((c) => c.ports.map((p) => p.name));
        expect([selected, monitor.podMetricsEndpoints.map((e) => [e.port, e.interval]), ports.includes('metrics')]).toEqual([true, [['metrics', '30s']], true]);
    });
    it('without analysis there is no AnalysisTemplate (nor an HPA, PDB or ServiceMonitor where the service has none)', () => {
        expect(kinds('clusters/dev/dev/scheduler')).toEqual([
            'ServiceAccount/scheduler', 'ConfigMap/scheduler', 'Rollout/scheduler', 'Service/scheduler', 'Service/scheduler-canary', 'NetworkPolicy/scheduler',
            'VirtualService/scheduler',
        ]);
    });
    it('services without a gray release keep exactly the plain objects', () => {
        expect(kinds('clusters/dev/dev/records')).toEqual([
            'ServiceAccount/records', 'ConfigMap/records', 'ExternalSecret/records', 'Deployment/records', 'Service/records',
            'HorizontalPodAutoscaler/records', 'NetworkPolicy/records', 'ServiceMonitor/records',
        ]);
    });
    it('only environments running a gray release join the mesh', () => {
        const injected = (path) => {
            const objects = result.targets.find((t) => t.path === path).objects;
            return [objects.find((o) => o.kind === 'Namespace').metadata.labels['istio-injection'], objects.some((o) => o.metadata.name === 'allow-istio-sidecars')];
        };
        expect([injected('clusters/dev/dev/shared'), injected('clusters/dev/test/shared'), injected('clusters/prod/prod/shared')]).toEqual([
            ['enabled', true],
            [undefined, false],
            ['enabled', true],
        ]);
    });
    it('the HPA of a Rollout scales the Rollout', () => {
        const hpa = result.targets.find((t) => t.path === 'clusters/prod/prod/records').objects.find((o) => o.kind === 'HorizontalPodAutoscaler');
        expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'records' });
    });
});
describe('regression: Rollout pods were spread by pod-template-hash, a label only Deployment pods carry', () => {
    const spreadKeys = (obj) => (obj.spec.template.spec.topologySpreadConstraints ?? []).map((c) => c.matchLabelKeys);
    it('a Rollout spreads each revision by rollouts-pod-template-hash, a Deployment by pod-template-hash', () => {
        const objects = renderOf(FIXTURE_PLATFORM).targets.flatMap((t) => t.objects);
        const rollouts = objects.filter((o) => o.kind === 'Rollout' && spreadKeys(o).length > 0);
        const deployments = objects.filter((o) => o.kind === 'Deployment' && spreadKeys(o).length > 0);
        expect(rollouts.length).toBeGreaterThan(0);
        expect(deployments.length).toBeGreaterThan(0);
        for (const r of rollouts)
            expect(spreadKeys(r)).toEqual([['rollouts-pod-template-hash'], ['rollouts-pod-template-hash']]);
        for (const d of deployments)
            expect(spreadKeys(d)).toEqual([['pod-template-hash'], ['pod-template-hash']]);
    });
});
