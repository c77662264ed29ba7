/**
 * Declaration of `autoscaling` of a service and of its per-environment overrides (checks:
 * ./autoscaling.ts). Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';

const percent = (description: string) => Type.Integer({ minimum: 1, maximum: 100, description, examples: [70] });

const Hpa = Struct(
  {
    minReplicas: Type.Integer({ description: 'At least 1 and at most `maxReplicas`.', examples: [2] }),
    maxReplicas: Type.Integer({ description: 'At least `minReplicas`.', examples: [10] }),
    cpu: percent('Target average CPU utilisation in percent of requests, 1–100.'),
    memory: Type.Optional(percent('Target average memory utilisation in percent of requests, 1–100; omitted means CPU only.')),
  },
  { description: 'HorizontalPodAutoscaler (autoscaling/v2).' },
);

/** HorizontalPodAutoscaler settings: replica range, CPU and (optional) memory targets in percent of requests. */
export type Autoscaling = Static<typeof Hpa>;

/**
 * `false` (fixed replica count, no HPA) or the HPA settings. Written with `if`/`then`/`else` rather
 * than a union so that a mapping gets the HPA's own findings and anything else one "`false` or a
 * mapping" finding (config/structure.ts reads the `const`).
 */
export const AutoscalingOrFalse = Type.Unsafe<Autoscaling | false>({
  description: '`false` for a fixed replica count, or the HPA settings.',
  examples: [{ minReplicas: 2, maxReplicas: 10, cpu: 70 }],
  if: { type: 'object' },
  then: Hpa,
  else: { const: false },
});

