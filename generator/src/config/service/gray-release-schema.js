import { Type } from '../shared/typebox.js';
import { Enum, Struct } from '../shared/declare.js';
/**
 * Structure only: a gray release makes the workload an Argo Rollouts canary in that environment (and
 * it stays one after a promotion, so a release never swaps the workload kind under running pods).
 */
export const GrayRelease = Struct({
    steps: Type.Array(Type.Integer(), {
        minItems: 1,
        description: 'Canary traffic weights in percent, strictly increasing, ending at 100.',
        examples: [[5, 20, 50, 100]],
    }),
    pause: Type.String({ description: 'Pause between steps, a Go duration such as `10m` or `1h`.', examples: ['10m'] }),
    control: Enum(['auto', 'git'], {
        default: 'auto',
        description: '`auto`: the Rollouts controller walks the steps; `git`: each weight is a reviewed commit (`npm run canary -- advance`). Default `auto`.',
        examples: ['git'],
    }),
    analysis: Type.Optional(Struct({
        maxErrorRate: Type.Number({ description: 'Highest acceptable share of 5xx responses, e.g. `0.01` for 1%.', examples: [0.01] }),
        maxP95LatencyMs: Type.Integer({ description: 'Highest acceptable p95 latency in milliseconds, below 2000.', examples: [1500] }),
        interval: Type.String({ default: '1m', description: 'How often to measure, a Go duration. Default `1m`.', examples: ['1m'] }),
        failureLimit: Type.Integer({ minimum: 0, default: 2, description: 'Failed measurements tolerated before the canary is aborted. Default 2.', examples: [2] }),
    }, {
        description: "Thresholds on the canary's Istio metrics that abort a bad canary; required in staging and prod.",
        examples: [{ maxErrorRate: 0.01, maxP95LatencyMs: 1500 }],
    })),
    canary: Type.Optional(Struct({
        version: Type.String({ description: 'Image tag under test; differs from the stable version.', examples: ['2.2.0'] }),
        weight: Type.Optional(Type.Integer({ description: 'Weight the canary holds at (git control), one of `steps`. Default the first step.', examples: [5] })),
    }, { description: 'The release in progress; written by `npm run canary -- start|advance`.', examples: [{ version: '2.2.0', weight: 5 }] })),
}, {
    description: 'Gray release (灰度发布): the workload becomes an Argo Rollouts canary with weighted Istio routing.',
    examples: [{ steps: [5, 20, 50, 100], pause: '10m' }],
});
