/**
 * Declarations of the sizes of an environment's namespace in `clusters/<cluster>/cluster.yaml`:
 * `quota`, `limitRange` and `sidecar` (their checks: ./quota.ts). Used by the build and
 * `npm run schemas`; run-time code imports its types only.
 */
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
import { Amounts } from '../shared/resources-schema.js';
export const Quota = Struct({ requests: Amounts('8', '16Gi'), limits: Amounts('16', '32Gi'), pods: Type.Integer({ minimum: 1, examples: [60] }) }, { examples: [{ requests: { cpu: '8', memory: '16Gi' }, limits: { cpu: '16', memory: '32Gi' }, pods: 60 }] });
export const LimitRange = Struct({ default: Amounts('500m', '1Gi'), defaultRequest: Amounts('50m', '64Mi') }, { examples: [{ default: { cpu: '500m', memory: '1Gi' }, defaultRequest: { cpu: '50m', memory: '64Mi' } }] });
/**
 * Istio's `global.proxy.resources`, which injection uses when a pod sets none of the
 * `sidecar.istio.io/proxy*` annotations (manifests/charts/istio-control/istio-discovery/values.yaml:357-364
 * @ 1.22.8, unchanged @ 1.28.10).
 */
const ISTIO_SIDECAR_DEFAULT = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } };
/**
 * `environments.<env>.sidecar`: the Istio sidecar of every pod where the namespace is in the mesh,
 * rendered as the `sidecar.istio.io/proxy*` pod annotations. The default is what Istio injects
 * without them.
 */
export const Sidecar = Struct({ requests: Amounts('100m', '128Mi'), limits: Amounts('500m', '256Mi') }, {
    description: 'Requests and limits of the Istio sidecar (istio-proxy) in every pod of a meshed namespace; the quota counts them. ' +
        "Default Istio's own: requests `{cpu: 100m, memory: 128Mi}`, limits `{cpu: 2000m, memory: 1024Mi}`.",
    default: ISTIO_SIDECAR_DEFAULT,
    examples: [{ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } }],
});
