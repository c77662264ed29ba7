// The large manifest of `npm run bench`'s `validate FILE` row: `count` resources of mixed kinds
// (Deployments, Services, ConfigMaps, ServiceAccounts), every one schema-valid, in one multi-document
// YAML file of about 300 bytes per resource (100,000 resources ≈ 30 MB, the size of kubeconform's
// `fixtures/valid_large.yaml`, acceptance.bats "Pass when parsing a very large file" @ v0.7.0).
import * as fs from 'node:fs';

const deployment = (n) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${n}
  namespace: team-${n % 50}
  annotations: {owner: team-${n % 50}, revision: "${n}"}
  labels: {app: web-${n}, tier: frontend}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web-${n}}
  template:
    metadata:
      labels: {app: web-${n}, tier: frontend}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.${n % 30}.0
          env:
            - {name: LOG_LEVEL, value: info}
          ports:
            - containerPort: 8080
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}
`;
const service = (n) => `apiVersion: v1
kind: Service
metadata:
  name: web-${n}
  namespace: team-${n % 50}
  annotations: {owner: team-${n % 50}, revision: "${n}"}
spec:
  selector: {app: web-${n}}
  ports:
    - name: http
      port: 80
      targetPort: 8080
`;
const configMap = (n) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-${n}
  namespace: team-${n % 50}
  annotations: {owner: team-${n % 50}, revision: "${n}"}
data:
  MODE: fast
  LEVEL: "${n % 7}"
`;
const serviceAccount = (n) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: runner-${n}
  namespace: team-${n % 50}
  annotations: {owner: team-${n % 50}, revision: "${n}"}
`;
const KINDS = [deployment, service, configMap, serviceAccount];

/** Writes the file (in blocks, never the whole text at once); returns its size in bytes. */
export function writeLargeManifest(file, count) {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    let block = '';
    for (let n = 0; n < count; n++) {
      block += `${n === 0 ? '' : '---\n'}${KINDS[n % KINDS.length](n)}`;
      if (block.length > 1 << 20 || n === count - 1) {
        bytes += fs.writeSync(fd, block);
        block = '';
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}
