/**
 * What the rendered tree relies on that is installed outside this repository. The simulation
 * takes these as given and says so in its output; everything else a custom resource needs must be
 * installed by some Application first (the platform issues add the add-ons that bring them).
 */
import type { Precondition } from './cluster.js';

/** Argo CD's own cluster: Argo CD installed from its release manifest (docs/argocd.md:33-43). */
const ARGOCD_PRECONDITIONS: readonly Precondition[] = [
  {
    name: 'Argo CD (core controller, repo server, ApplicationSet controller)',
    source: 'docs/argocd.md:19-22, 33-43',
    crds: ['argoproj.io/Application', 'argoproj.io/AppProject', 'argoproj.io/ApplicationSet'],
  },
];

/** Each workload cluster (docs/argocd.md:29-30, docs/gray-releases.md:251-254). */
const WORKLOAD_PRECONDITIONS: readonly Precondition[] = [
  { name: 'Argo Rollouts', source: 'docs/argocd.md:29-30', crds: ['argoproj.io/Rollout', 'argoproj.io/AnalysisTemplate', 'argoproj.io/AnalysisRun', 'argoproj.io/Experiment'] },
  { name: 'External Secrets, with the secret store the ExternalSecrets name', source: 'docs/argocd.md:29-30', crds: ['external-secrets.io/ExternalSecret', 'external-secrets.io/SecretStore', 'external-secrets.io/ClusterSecretStore'] },
  {
    name: 'Istio 1.22 with the CNI node agent and sidecar injection',
    source: 'docs/argocd.md:29-30, docs/gray-releases.md:251-254',
    crds: ['networking.istio.io/VirtualService', 'networking.istio.io/DestinationRule', 'networking.istio.io/Gateway', 'networking.istio.io/EnvoyFilter', 'security.istio.io/PeerAuthentication', 'security.istio.io/AuthorizationPolicy'],
    namespaces: ['istio-system', 'istio-ingress'],
  },
];

export const PRECONDITIONS = { argocd: ARGOCD_PRECONDITIONS, workload: WORKLOAD_PRECONDITIONS };
