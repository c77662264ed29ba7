/**
 * `autoscaling` of a service and of its per-environment overrides: `false` for a fixed replica
 * count, or the settings of a HorizontalPodAutoscaler (autoscaling/v2). Declaration and checks.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import type { PathSegment } from '../yaml-source.js';
import type { Reporter } from '../shared/checks.js';
import { checkReplicaCount, isRaw, q } from '../shared/checks.js';
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

/** Checks an autoscaling mapping; returns its range when it is consistent. */
export function checkAutoscaling(r: Reporter, path: PathSegment[], v: unknown): { min: number; max: number } | undefined {
  if (!isRaw(v)) return undefined;
  const min = checkReplicaCount(r, [...path, 'minReplicas'], v.minReplicas, 'an HPA keeps at least one replica; use `autoscaling: false` for a fixed count');
  const max = checkReplicaCount(r, [...path, 'maxReplicas'], v.maxReplicas, 'set it to at least `minReplicas`');
  if (min === undefined || max === undefined) return undefined;
  if (max < min) {
    r.report('replicas-range', [...path, 'maxReplicas'], `${q([...path, 'maxReplicas'])} (${max}) is less than ${q([...path, 'minReplicas'])} (${min})`, 'raise `maxReplicas` or lower `minReplicas`');
    return undefined;
  }
  return { min, max };
}

export function checkReplicasInRange(r: Reporter, path: PathSegment[], replicas: number, range: { min: number; max: number }, rangePath: PathSegment[]): void {
  if (replicas >= range.min && replicas <= range.max) return;
  r.report(
    'replicas-range',
    path,
    `${q(path)} (${replicas}) is outside the range ${range.min}–${range.max} of ${q(rangePath)}`,
    `set \`replicas\` between \`minReplicas\` and \`maxReplicas\`, or change the range`,
  );
}
