// Writes a synthetic platform of N services into a directory, in the same configuration format as
// apps/*/service.yaml and clusters/*/cluster.yaml, with the repository's own clusters and Argo CD
// settings. Deterministic: service i depends on services i-1 and i-7 (when they exist).
import * as fs from 'node:fs';
import * as path from 'node:path';

const GROUPS = ['core', 'agent', 'diagnosis', 'support'];
const DATA = [['postgres', 'redis'], ['redis'], ['mq'], ['postgres', 'redis', 'mq'], []];

export function synthesize(repoRoot, outDir, count) {
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const dir of ['clusters/dev', 'clusters/staging', 'clusters/prod', 'argocd']) {
    fs.mkdirSync(path.join(outDir, dir), { recursive: true });
  }
  for (const c of ['dev', 'staging', 'prod']) {
    // Raise the quotas so that a thousand services fit.
    const text = fs
      .readFileSync(path.join(repoRoot, 'clusters', c, 'cluster.yaml'), 'utf8')
      .replace(/pods: \d+/g, 'pods: 20000')
      .replace(/cpu: "\d+"/g, 'cpu: "4000"')
      .replace(/memory: \d+Gi/g, 'memory: 8000Gi')
      // Node pools big enough for the synthetic load (the capacity check is not what is measured).
      .replace(/nodes: \d+/g, 'nodes: 5000');
    fs.writeFileSync(path.join(outDir, 'clusters', c, 'cluster.yaml'), text);
  }
  fs.copyFileSync(path.join(repoRoot, 'argocd', 'argocd.yaml'), path.join(outDir, 'argocd', 'argocd.yaml'));
  // Service 0 is the api-gateway, which the clusters' node pools name.
  const name = (i) => (i === 0 ? 'api-gateway' : `svc-${String(i).padStart(4, '0')}`);
  for (let i = 0; i < count; i++) {
    const deps = [i - 1, i - 7].filter((d) => d >= 0).map(name);
    const data = DATA[i % DATA.length];
    const lines = [
      `name: ${name(i)}`,
      `group: ${GROUPS[i % GROUPS.length]}`,
      `description: "synthetic service ${i}"`,
      `version: "1.${i % 10}.${i % 7}"`,
      ...(data.length || deps.length ? ['dependsOn:'] : []),
      ...(data.length ? [`  data: [${data.join(', ')}]`] : []),
      ...(deps.length ? [`  services: [${deps.join(', ')}]`] : []),
      'settings:',
      `  FEATURE_FLAGS: "a,b,c"`,
      'secrets:',
      '  - env: DATABASE_URL',
      `    key: "suoke/{env}/${name(i)}"`,
      '    property: database-url',
      'resources:',
      '  requests: {cpu: 250m, memory: 512Mi}',
      '  limits: {cpu: 500m, memory: 1Gi}',
      'replicas: 2',
      'autoscaling: {minReplicas: 2, maxReplicas: 10, cpu: 70, memory: 80}',
    ];
    fs.mkdirSync(path.join(outDir, 'apps', name(i)), { recursive: true });
    fs.writeFileSync(path.join(outDir, 'apps', name(i), 'service.yaml'), `${lines.join('\n')}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, n] = process.argv.slice(2);
  synthesize(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'), path.resolve(out), Number(n ?? 1000));
}
