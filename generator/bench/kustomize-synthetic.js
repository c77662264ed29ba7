import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
/**
 * Writes a synthetic repository like the platform's: per service a base of Deployment, Service,
 * ServiceAccount, ConfigMap, HPA, PDB and NetworkPolicy, and one overlay per environment setting
 * the namespace, the image tag, a label and a replicas patch. Returns the overlay paths.
 */
export function writeSyntheticRepo(root, services, envs) {
    const paths = [];
    for (let i = 0; i < services; i++) {
        const svc = `svc-${String(i).padStart(4, '0')}`;
        write(root, `bases/${svc}/kustomization.yaml`, 'resources:\n- workload.yaml\n- network.yaml\n');
        write(root, `bases/${svc}/workload.yaml`, workload(svc));
        write(root, `bases/${svc}/network.yaml`, network(svc));
        for (const env of envs) {
            const dir = `envs/${env}/${svc}`;
            paths.push(dir);
            write(root, `${dir}/kustomization.yaml`, [
                `namespace: suoke-${env}`,
                'resources:',
                `- ../../../bases/${svc}`,
                'images:',
                `- name: registry.example.com/suoke/${svc}`,
                `  newTag: 1.${i}.0-${env}`,
                'labels:',
                '- pairs:',
                `    env: ${env}`,
                'patches:',
                '- path: replicas.yaml',
                '',
            ].join('\n'));
            write(root, `${dir}/replicas.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${svc}\nspec:\n  replicas: ${env === 'prod' ? 3 : 1}\n`);
        }
    }
    return paths;
}
/** Owner of a synthetic object: `envs/<env>/<service>` from its namespace and name. */
export function syntheticOwner(obj) {
    const m = obj.metadata;
    if (!m?.namespace?.startsWith('suoke-') || m.name === undefined)
        return undefined;
    return `envs/${m.namespace.slice('suoke-'.length)}/${m.name}`;
}
function write(root, rel, text) {
    const file = nodePath.join(root, rel);
    nodeFs.mkdirSync(nodePath.dirname(file), { recursive: true });
    nodeFs.writeFileSync(file, text);
}
function workload(svc) {
    return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${svc}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${svc}
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "a,b,c"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${svc}
  labels:
    app.kubernetes.io/name: ${svc}
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${svc}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${svc}
    spec:
      serviceAccountName: ${svc}
      containers:
        - name: ${svc}
          image: registry.example.com/suoke/${svc}:1.0.0
          ports:
            - name: http
              containerPort: 8080
          envFrom:
            - configMapRef:
                name: ${svc}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: "1", memory: 512Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${svc}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${svc}}
  minReplicas: 1
  maxReplicas: 5
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${svc}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${svc}
`;
}
function network(svc) {
    return `apiVersion: v1
kind: Service
metadata:
  name: ${svc}
spec:
  selector:
    app.kubernetes.io/name: ${svc}
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${svc}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${svc}
  ingress:
    - from:
        - namespaceSelector: {}
      ports:
        - port: 8080
`;
}
