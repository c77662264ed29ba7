/**
 * What the smoke and load tests share: the k6 image they run, pinned by version, and the restricted
 * pod around it. k6 runs as a separate program; nothing of it is linked into this repository.
 */
import type { PodTemplate } from '../kinds.js';

/**
 * `grafana/k6:<version>` is published for each release tag without its `v`
 * (k6 .github/workflows/build.yml:275-284 @ v2.2.0); the image runs `k6` as user 12345 from
 * `/home/k6` (Dockerfile:11-17 @ v2.2.0).
 */
const IMAGE = { image: 'grafana/k6:2.2.0', uid: 12345 } as const;

/** The label of the tests' pods, valued `smoke` or `load`: what the services' NetworkPolicies admit. */
export const VERIFICATION_LABEL = 'suoke-life.com/verification';

/** Where the ConfigMap with the script is mounted. */
const SCRIPTS = '/scripts';

type PodSpec = NonNullable<NonNullable<PodTemplate>['spec']>;
type Resources = { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };

/** What one test pod runs: its kind, the ConfigMap holding `script`, the environment and the size. */
export interface K6Pod {
  kind: 'smoke' | 'load';
  configMap: string;
  script: string;
  env: { name: string; value: string }[];
  resources: Resources;
  placement: Pick<PodSpec, 'nodeSelector' | 'tolerations'>;
}

/**
 * The pod template of a test: `k6 run` on the mounted script, which exits non-zero when a threshold
 * fails (99, errext/exitcodes/codes.go:17-18 @ v2.2.0), so the pod and then the Job fail.
 * `FallbackToLogsOnError` puts the end of the log (k6's PASS/FAIL lines and summary) into the failed
 * container's status, where `kubectl describe` and Argo CD's pod view show it. No Istio sidecar: a Job
 * whose sidecar never exits never completes; without one the requests are plain text, which the mesh
 * accepts as no PeerAuthentication is rendered and Istio's default is PERMISSIVE
 * (istio pilot/pkg/security/authn/policy_applier.go:385-404 @ 1.30.3).
 */
export function k6Template(p: K6Pod): NonNullable<PodTemplate> {
  return {
    metadata: { labels: { [VERIFICATION_LABEL]: p.kind }, annotations: { 'sidecar.istio.io/inject': 'false' } },
    spec: {
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: { runAsNonRoot: true, runAsUser: IMAGE.uid, runAsGroup: IMAGE.uid, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'k6',
          image: IMAGE.image,
          imagePullPolicy: 'IfNotPresent',
          args: ['run', '--no-usage-report', `${SCRIPTS}/${p.script}`],
          env: p.env,
          resources: p.resources,
          terminationMessagePolicy: 'FallbackToLogsOnError',
          securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
          volumeMounts: [
            { name: 'scripts', mountPath: SCRIPTS, readOnly: true },
            // k6 buffers large bodies and its summary under the temporary directory.
            { name: 'tmp', mountPath: '/tmp' },
          ],
        },
      ],
      volumes: [
        { name: 'scripts', configMap: { name: p.configMap } },
        { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
      ],
      ...p.placement,
    },
  };
}
