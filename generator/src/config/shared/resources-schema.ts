/**
 * Declarations of CPU and memory amounts, and of requests with limits: a container's resources, the
 * Istio sidecar, the namespace quota and the LimitRange (checks and builders: ./resources.ts). Used by
 * the build and `npm run schemas`; run-time code imports its types only.
 */
import type { Static, TObject, TUnsafe } from '@sinclair/typebox';
import { Quantity, Struct } from './declare.js';

/** `{cpu, memory}`, e.g. `{cpu: 250m, memory: 512Mi}`; the examples are shown in hints. */
export function Amounts(cpu: string, memory: string): TObject<{ cpu: TUnsafe<string | number>; memory: TUnsafe<string | number> }> {
  return Struct(
    {
      cpu: Quantity('CPU: cores (`2`, `0.5`) or millicores (`250m`) as a Kubernetes quantity.', cpu),
      memory: Quantity('Memory in bytes with a suffix (`512Mi`, `2Gi`) as a Kubernetes quantity.', memory),
    },
    { examples: [{ cpu, memory }] },
  );
}

/** Container requests and limits (a service's own sizes). */
export const Resources = Struct(
  { requests: Amounts('250m', '512Mi'), limits: Amounts('500m', '1Gi') },
  {
    description: 'Container requests and limits at production size; environments scale them by `sizing.resourceScale`.',
    examples: [{ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '1Gi' } }],
  },
);

/** CPU and memory as Kubernetes quantity strings, e.g. `{ cpu: '500m', memory: '512Mi' }`. */
export type ResourceAmounts = Record<keyof Static<ReturnType<typeof Amounts>>, string>;

/** Requests and limits, as quantity strings. */
export type ResourcesConfig = Record<keyof Static<typeof Resources>, ResourceAmounts>;

/** `{cpu, memory}` as written: a quantity may be a YAML number. */
export type AmountsFile = Static<ReturnType<typeof Amounts>>;

/** Requests and limits as written. */
export type ResourcesFile = Static<typeof Resources>;
