import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
const percent = (description) => Type.Integer({ minimum: 1, maximum: 100, description, examples: [70] });
const Hpa = Struct({
    minReplicas: Type.Integer({ description: 'At least 1 and at most `maxReplicas`.', examples: [2] }),
    maxReplicas: Type.Integer({ description: 'At least `minReplicas`.', examples: [10] }),
    cpu: percent('Target average CPU utilisation in percent of requests, 1–100.'),
    memory: Type.Optional(percent('Target average memory utilisation in percent of requests, 1–100; omitted means CPU only.')),
}, { description: 'HorizontalPodAutoscaler (autoscaling/v2).' });
/**
 * `false` (fixed replica count, no HPA) or the HPA settings. Written with `if`/`then`/`else` rather
 * than a union so that a mapping gets the HPA's own findings and anything else one "`false` or a
 * mapping" finding (config/structure.ts reads the `const`).
 */
export const AutoscalingOrFalse = Type.Unsafe({
    description: '`false` for a fixed replica count, or the HPA settings.',
    examples: [{ minReplicas: 2, maxReplicas: 10, cpu: 70 }],
    if: { type: 'object' },
    then: Hpa,
    else: { const: false },
});
