/**
 * Bad configurations and the exact findings they give: each case mutates the valid fixture (see
 * fixture.ts) and lists every finding with file, line, path, message and hint.
 */
import { describe, expect, test } from 'vitest';
import { loadConfig, readConfig } from '../../src/config/load.js';
import { UserError } from '../../src/core/errors.js';
import type { Edit, Expected } from './fixture.js';
import { alpha, fixtureFs, nonprod, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

interface Case {
  name: string;
  edits?: Edit[];
  files?: Record<string, string | undefined>;
  expect: Expected[];
}

const A = 'apps/alpha/service.yaml';
const B = 'apps/beta/service.yaml';
const N = 'clusters/nonprod/cluster.yaml';
const P = 'clusters/prod/cluster.yaml';
const G = 'argocd/argocd.yaml';
const cases: Case[] = [
  { name: 'YAML syntax error: unclosed flow sequence', edits: [[A, 'replicas: 2', 'replicas: [2']],
    expect: [
      { check: 'config/yaml-syntax', file: 'apps/alpha/service.yaml', line: 9, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
    ],
  },
  { name: 'duplicate key', edits: [[A, 'replicas: 2\n', 'replicas: 2\nreplicas: 3\n']],
    expect: [
      { check: 'config/duplicate-key', file: 'apps/alpha/service.yaml', line: 9, path: 'replicas', message: 'duplicate key "replicas" at lines 8 and 9', hint: 'remove one of them: YAML does not let a later key override an earlier one' },
    ],
  },
  { name: 'duplicate key, nested, three times', edits: [[A, 'replicas: 2\n', 'replicas: 2\nsettings:\n  X: "1"\n  Y: "2"\n  X: "3"\n  X: "4"\n']],
    expect: [
      { check: 'config/duplicate-key', file: 'apps/alpha/service.yaml', line: 12, path: 'settings.X', message: 'duplicate key "X" at lines 10 and 12', hint: 'remove one of them: YAML does not let a later key override an earlier one' },
      { check: 'config/duplicate-key', file: 'apps/alpha/service.yaml', line: 13, path: 'settings.X', message: 'duplicate key "X" at lines 10 and 13', hint: 'remove one of them: YAML does not let a later key override an earlier one' },
    ],
  },
  { name: 'YAML 1.1 boolean as a setting value', edits: [[A, 'replicas: 2\n', 'replicas: 2\nsettings:\n  ENABLED: no\n']],
    expect: [
      { check: 'config/ambiguous-scalar', file: 'apps/alpha/service.yaml', line: 10, path: 'settings.ENABLED', message: 'ENABLED: no is the string "no" in configuration (YAML 1.2) but the boolean false for kubectl apply and Argo CD (YAML 1.1); configuration refuses a plain value the two read differently', hint: 'quote it: ENABLED: "no" (or write false if the boolean false is meant)' },
    ],
  },
  { name: 'YAML 1.1 boolean as a key', edits: [[A, 'replicas: 2\n', 'replicas: 2\nsettings:\n  on: "1"\n']],
    expect: [
      { check: 'config/ambiguous-scalar', file: 'apps/alpha/service.yaml', line: 10, path: 'settings.on', message: 'the key on is the string "on" in configuration (YAML 1.2) but the boolean true for kubectl apply and Argo CD (YAML 1.1); configuration refuses a plain value the two read differently', hint: 'quote it: "on":' },
    ],
  },
  { name: 'leading-zero number (octal in YAML 1.1)', edits: [[A, 'replicas: 2\n', 'replicas: 010\n']],
    expect: [
      { check: 'config/ambiguous-scalar', file: 'apps/alpha/service.yaml', line: 8, path: 'replicas', message: 'replicas: 010 is the integer 10 in configuration (YAML 1.2) but the integer 8 for kubectl apply and Argo CD (YAML 1.1); configuration refuses a plain value the two read differently', hint: 'quote it: replicas: "010" if it is text, or write the number meant: 8 or 10' },
    ],
  },
  { name: 'YAML 1.1 boolean in a flow list', edits: [[A, 'replicas: 2\n', 'replicas: 2\nargs: [serve, off]\n']],
    expect: [
      { check: 'config/ambiguous-scalar', file: 'apps/alpha/service.yaml', line: 9, path: 'args[1]', message: '- off is the string "off" in configuration (YAML 1.2) but the boolean false for kubectl apply and Argo CD (YAML 1.1); configuration refuses a plain value the two read differently', hint: 'quote it: - "off" (or write false if the boolean false is meant)' },
    ],
  },
  { name: 'file is a sequence, not a mapping', files: { [A]: '- name: alpha\n' },
    expect: [
      { check: 'config/type', file: 'apps/alpha/service.yaml', line: 1, message: 'the file must be a mapping; found a list', hint: 'the top level of a config file is a mapping of keys such as `name:`' },
    ],
  },
  { name: 'empty file', files: { [A]: '# nothing here\n' },
    expect: [
      { check: 'config/type', file: 'apps/alpha/service.yaml', line: 1, message: "apps/alpha/service.yaml is empty; expected a mapping of the service's settings", hint: 'start with `name: <service>`, as in the other apps/*/service.yaml files' },
    ],
  },
  { name: 'two documents in one file', files: { [A]: `${alpha}---\nname: other\n` },
    expect: [
      { check: 'config/yaml-syntax', file: 'apps/alpha/service.yaml', line: 10, message: 'the file holds more than one YAML document', hint: 'keep one document per file: remove the `---` separator and what follows, or merge it' },
    ],
  },
  { name: 'tab indentation', edits: [[B, '  liveness: /live', '\tliveness: /live']],
    expect: [
      { check: 'config/yaml-syntax', file: 'apps/beta/service.yaml', line: 10, message: 'Tabs are not allowed as indentation', hint: 'indent with spaces, not tabs' },
    ],
  },
  { name: 'misspelt required key is one finding', edits: [[A, 'replicas: 2', 'replica: 2']],
    expect: [
      { check: 'config/unknown-key', file: 'apps/alpha/service.yaml', line: 8, path: 'replica', message: 'unknown key `replica`', hint: 'did you mean `replicas`?' },
    ],
  },
  { name: 'unknown keys at every level', edits: [[B, '  readiness: /ready', '  readyness: /ready'], [B, '    cpu: 250m', '    cpus: 250m'], [B, '    replicas: 1\n', '    replicaz: 1\n'], [N, '    tier: development', '    tier: development\n    colour: blue']],
    expect: [
      { check: 'config/unknown-key', file: 'apps/beta/service.yaml', line: 11, path: 'health.readyness', message: 'unknown key `readyness` in `health`', hint: 'did you mean `readiness`?' },
      { check: 'config/unknown-key', file: 'apps/beta/service.yaml', line: 29, path: 'resources.requests.cpus', message: 'unknown key `cpus` in `resources.requests`', hint: 'did you mean `cpu`?' },
      { check: 'config/unknown-key', file: 'apps/beta/service.yaml', line: 43, path: 'environments.dev.replicaz', message: 'unknown key `replicaz` in `environments.dev`', hint: 'did you mean `replicas`?' },
      { check: 'config/unknown-key', file: 'clusters/nonprod/cluster.yaml', line: 11, path: 'environments.dev.colour', message: 'unknown key `colour` in `environments.dev`', hint: 'allowed keys: namespace, tier, sizing, quota, limitRange, topologySpread, sidecar, secretStore, settings, changeWindows, dataServices, perfTests, smokeTests, edge, alerts' },
    ],
  },
  { name: 'unknown key far from any allowed key lists them', edits: [[G, 'repoURL', 'wibble: 1\nrepoURL']],
    expect: [
      { check: 'config/unknown-key', file: 'argocd/argocd.yaml', line: 1, path: 'wibble', message: 'unknown key `wibble`', hint: 'allowed keys: repoURL, targetRevision, namespace, cluster, roles' },
    ],
  },
  { name: 'wrong types', edits: [[A, 'replicas: 2', 'replicas: "2"'], [A, 'version: "1.0.0"', 'version: 1.10'], [B, 'grpc: false', 'grpc: "no"'], [B, 'MODE: "fast"', 'MODE: 5'], [B, 'ports: [443]', 'ports: 443']],
    expect: [
      { check: 'config/type', file: 'apps/alpha/service.yaml', line: 4, path: 'version', message: '`version` must be a string; found the number 1.10', hint: 'quote it: `version: "1.10"` (unquoted, YAML reads 1.10 as the number 1.1)' },
      { check: 'config/type', file: 'apps/alpha/service.yaml', line: 8, path: 'replicas', message: '`replicas` must be a whole number; found the string "2"', hint: 'write the number without quotes: `replicas: 2`' },
      { check: 'config/type', file: 'apps/beta/service.yaml', line: 7, path: 'grpc', message: '`grpc` must be `true` or `false`; found the string "no"', hint: 'write `true` or `false` without quotes' },
      { check: 'config/type', file: 'apps/beta/service.yaml', line: 20, path: 'external[0].ports', message: '`external[0].ports` must be a list; found the number 443', hint: 'write a list: `ports: [443]`' },
      { check: 'config/type', file: 'apps/beta/service.yaml', line: 22, path: 'settings.MODE', message: '`settings.MODE` must be a string; found the number 5', hint: 'quote it: `MODE: "5"`' },
    ],
  },
  { name: 'autoscaling must be false or a mapping', edits: [[A, 'autoscaling: {minReplicas: 2, maxReplicas: 4, cpu: 70}', 'autoscaling: true']],
    expect: [
      { check: 'config/type', file: 'apps/alpha/service.yaml', line: 9, path: 'autoscaling', message: '`autoscaling` must be `false` or a mapping; found the boolean true', hint: 'e.g. `autoscaling: {minReplicas: 2, maxReplicas: 10, cpu: 70}`, or `false` for a fixed replica count' },
    ],
  },
  { name: 'key without a value', edits: [[B, 'startupSeconds: 90', 'startupSeconds:']],
    expect: [
      { check: 'config/type', file: 'apps/beta/service.yaml', line: 12, path: 'startupSeconds', message: '`startupSeconds` must be a whole number; found no value', hint: 'give `startupSeconds` a value, or remove the key to use the default' },
    ],
  },
  { name: 'missing required keys', edits: [[A, 'group: core\n', ''], [A, '  limits: {cpu: 200m, memory: 256Mi}\n', ''], [N, '    secretStore: {kind: ClusterSecretStore, name: vault-dev}\n', '']],
    expect: [
      { check: 'config/required', file: 'apps/alpha/service.yaml', line: 1, path: 'group', message: 'missing required key `group`', hint: 'add `group: core`' },
      { check: 'config/required', file: 'apps/alpha/service.yaml', line: 4, path: 'resources.limits', message: 'missing required key `limits` in `resources`', hint: 'add `limits: {cpu: 500m, memory: 1Gi}`' },
      { check: 'config/required', file: 'clusters/nonprod/cluster.yaml', line: 8, path: 'environments.dev.secretStore', message: 'missing required key `secretStore` in `environments.dev`', hint: 'add `secretStore: {kind: ClusterSecretStore, name: suoke-vault-dev}`' },
    ],
  },
  { name: 'enum values', edits: [[A, 'group: core', 'group: agnet'], [B, 'data: [postgres, redis]', 'data: [postgre, redis]'], [N, 'kind: ClusterSecretStore', 'kind: VaultStore'], [P, 'tier: production', 'tier: prod']],
    expect: [
      { check: 'config/enum', file: 'apps/alpha/service.yaml', line: 2, path: 'group', message: '`group` must be one of core, agent, diagnosis, support, frontend; found `agnet`', hint: 'did you mean `agent`?' },
      { check: 'config/enum', file: 'apps/beta/service.yaml', line: 14, path: 'dependsOn.data[0]', message: '`dependsOn.data[0]` must be one of postgres, redis, mq, elasticsearch; found `postgre`', hint: 'did you mean `postgres`?' },
      { check: 'config/enum', file: 'clusters/nonprod/cluster.yaml', line: 19, path: 'environments.dev.secretStore.kind', message: '`environments.dev.secretStore.kind` must be one of ClusterSecretStore, SecretStore; found `VaultStore`', hint: 'use one of: ClusterSecretStore, SecretStore' },
      { check: 'config/enum', file: 'clusters/prod/cluster.yaml', line: 10, path: 'environments.prod.tier', message: '`environments.prod.tier` must be one of development, production; found `prod`', hint: 'use one of: development, production' },
    ],
  },
  { name: 'name not a DNS-1123 label', edits: [[A, 'name: alpha', 'name: Alpha_1']],
    expect: [
      { check: 'config/name', file: 'apps/alpha/service.yaml', line: 1, path: 'name', message: '`name` is "Alpha_1", not a DNS-1123 label', hint: 'use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `alpha`' },
    ],
  },
  { name: 'name differs from folder', edits: [[A, 'name: alpha', 'name: alfa']],
    expect: [
      { check: 'config/name', file: 'apps/alpha/service.yaml', line: 1, path: 'name', message: '`name` is "alfa" but the file is in apps/alpha/', hint: 'set `name: alpha`, or move the file to apps/alfa/service.yaml' },
    ],
  },
  { name: 'reserved service name shared', files: { 'apps/shared/service.yaml': alpha.replace('name: alpha', 'name: shared') },
    expect: [
      { check: 'config/name', file: 'apps/shared/service.yaml', line: 1, path: 'name', message: '`shared` is reserved: the generator names per-environment resources `shared`', hint: 'choose another service name' },
    ],
  },
  { name: 'reserved service name data', files: { 'apps/data/service.yaml': alpha.replace('name: alpha', 'name: data') },
    expect: [
      { check: 'config/name', file: 'apps/data/service.yaml', line: 1, path: 'name', message: "`data` is reserved: the generator writes an environment's data layer to `clusters/<cluster>/<env>/data`", hint: 'choose another service name' },
    ],
  },
  { name: 'two folders declare the same service', files: { 'apps/gamma/service.yaml': alpha },
    expect: [
      { check: 'config/duplicate', file: 'apps/gamma/service.yaml', line: 1, path: 'name', message: 'service `alpha` is also declared in apps/alpha/service.yaml', hint: 'every service is declared once, in the folder of its name: rename or remove one of them' },
      { check: 'config/name', file: 'apps/gamma/service.yaml', line: 1, path: 'name', message: '`name` is "alpha" but the file is in apps/gamma/', hint: 'set `name: gamma`, or move the file to apps/alpha/service.yaml' },
    ],
  },
  { name: 'environment declared in two clusters', edits: [[P, '  prod:\n', '  dev:\n']],
    expect: [
      { check: 'config/unknown-environment', file: 'apps/beta/service.yaml', line: 45, path: 'environments.prod', message: 'no cluster declares an environment `prod`', hint: 'environments: dev' },
      { check: 'config/duplicate', file: 'clusters/prod/cluster.yaml', line: 8, path: 'environments.dev', message: 'environment `dev` is also declared in clusters/nonprod/cluster.yaml', hint: 'an environment lives in exactly one cluster: rename or remove one of them' },
    ],
  },
  { name: 'two environments of a cluster share a namespace', files: { [N]: nonprod + nonprod.slice(nonprod.indexOf('  dev:\n')).replace('  dev:', '  test:').replace('dev-data', 'test-data') },
    expect: [
      { check: 'config/duplicate', file: 'clusters/nonprod/cluster.yaml', line: 24, path: 'environments.test.namespace', message: 'namespace `suoke-dev` is already used by environment `dev` of this cluster', hint: 'give every environment a namespace of its own, e.g. `suoke-<env>`' },
    ],
  },
  { name: 'environment takes the ingress namespace', edits: [[P, 'namespace: suoke-prod', 'namespace: istio-ingress']],
    expect: [
      { check: 'config/duplicate', file: 'clusters/prod/cluster.yaml', line: 9, path: 'environments.prod.namespace', message: 'namespace `istio-ingress` is already used by `ingressNamespace` of this cluster', hint: 'give every environment a namespace of its own, e.g. `suoke-<env>`' },
    ],
  },
  { name: 'namespace and environment name not DNS labels', edits: [[N, 'namespace: suoke-dev', 'namespace: Suoke_Dev'], [P, '  prod:\n', '  Prod:\n']],
    expect: [
      { check: 'config/unknown-environment', file: 'apps/beta/service.yaml', line: 45, path: 'environments.prod', message: 'no cluster declares an environment `prod`', hint: 'environments: dev' },
      { check: 'config/name', file: 'clusters/nonprod/cluster.yaml', line: 9, path: 'environments.dev.namespace', message: '`environments.dev.namespace` is "Suoke_Dev", not a DNS-1123 label', hint: 'use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `suoke-dev`' },
      { check: 'config/name', file: 'clusters/prod/cluster.yaml', line: 9, path: 'environments.Prod', message: '`environments.Prod` is "Prod", not a DNS-1123 label', hint: 'use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `staging`' },
    ],
  },
  { name: 'unknown service in dependsOn, with suggestion', edits: [[B, '    - alpha', '    - alpah\n    - zeta-unrelated-name']],
    expect: [
      { check: 'config/unknown-service', file: 'apps/beta/service.yaml', line: 16, path: 'dependsOn.services[0]', message: '`dependsOn.services[0]` names `alpah`, which is not a service (no apps/alpah/service.yaml)', hint: 'did you mean `alpha`?' },
      { check: 'config/unknown-service', file: 'apps/beta/service.yaml', line: 17, path: 'dependsOn.services[1]', message: '`dependsOn.services[1]` names `zeta-unrelated-name`, which is not a service (no apps/zeta-unrelated-name/service.yaml)', hint: 'services: alpha, beta' },
    ],
  },
  { name: 'service depends on itself', edits: [[B, '    - alpha', '    - alpha\n    - beta']],
    expect: [
      { check: 'config/self-dependency', file: 'apps/beta/service.yaml', line: 17, path: 'dependsOn.services[1]', message: '`beta` depends on itself', hint: 'remove it from `dependsOn.services`: a service always reaches its own pods' },
    ],
  },
  { name: 'override for an undeclared environment', edits: [[B, '  prod:\n    settings', '  prd:\n    settings'], [A, 'autoscaling', 'environments:\n  qa: {replicas: 2}\nautoscaling']],
    expect: [
      { check: 'config/unknown-environment', file: 'apps/alpha/service.yaml', line: 10, path: 'environments.qa', message: 'no cluster declares an environment `qa`', hint: 'environments: dev, prod' },
      { check: 'config/unknown-environment', file: 'apps/beta/service.yaml', line: 45, path: 'environments.prd', message: 'no cluster declares an environment `prd`', hint: 'did you mean `prod`?' },
    ],
  },
  { name: 'CPU with a byte suffix, memory in millibytes, nonsense', edits: [[A, '{cpu: 100m, memory: 128Mi}', '{cpu: 100Mi, memory: 128m}'], [A, '{cpu: 200m, memory: 256Mi}', '{cpu: lots, memory: 256 MB}']],
    expect: [
      { check: 'config/quantity', file: 'apps/alpha/service.yaml', line: 6, path: 'resources.requests.cpu', message: '`resources.requests.cpu` is `100Mi`, a memory-style amount; CPU is given in cores (`0.5`, `2`) or millicores (`250m`)', hint: 'did you mean `100m`?' },
      { check: 'config/quantity', file: 'apps/alpha/service.yaml', line: 6, path: 'resources.requests.memory', message: '`resources.requests.memory` is `128m`, which means 128 thousandths of a byte; memory is given in bytes', hint: 'did you mean `128Mi`?' },
      { check: 'config/quantity', file: 'apps/alpha/service.yaml', line: 7, path: 'resources.limits.cpu', message: '`resources.limits.cpu` is `lots`, not a CPU quantity: expected cores (`0.5`, `2`) or whole millicores (`250m`)', hint: 'e.g. `cpu: 250m`' },
      { check: 'config/quantity', file: 'apps/alpha/service.yaml', line: 7, path: 'resources.limits.memory', message: '`resources.limits.memory` is `256 MB`, not a memory quantity: expected whole bytes with a suffix such as `Mi`, `Gi` or `G`', hint: 'e.g. `memory: 512Mi`' },
    ],
  },
  { name: 'requests above limits', edits: [[B, '    cpu: 250m', '    cpu: "2"'], [B, '    memory: 512Mi', '    memory: 2Gi']],
    expect: [
      { check: 'config/quantity', file: 'apps/beta/service.yaml', line: 29, path: 'resources.requests.cpu', message: '`resources.requests.cpu` (2) is more than `resources.limits.cpu` (1)', hint: 'a request may not exceed its limit: lower the request or raise the limit' },
      { check: 'config/quantity', file: 'apps/beta/service.yaml', line: 30, path: 'resources.requests.memory', message: '`resources.requests.memory` (2Gi) is more than `resources.limits.memory` (1Gi)', hint: 'a request may not exceed its limit: lower the request or raise the limit' },
    ],
  },
  { name: 'CPU finer than a millicore and zero memory', edits: [[A, '{cpu: 100m, memory: 128Mi}', '{cpu: 0.0005, memory: 0}']],
    expect: [
      { check: 'config/quantity', file: 'apps/alpha/service.yaml', line: 6, path: 'resources.requests.cpu', message: '`resources.requests.cpu` is `0.0005`, finer than 1m (a thousandth of a core), the smallest CPU amount Kubernetes accepts', hint: 'round it to whole millicores, e.g. `1m`' },
      { check: 'config/quantity', file: 'apps/alpha/service.yaml', line: 6, path: 'resources.requests.memory', message: '`resources.requests.memory` must be more than zero', hint: 'e.g. `memory: 128Mi`' },
    ],
  },
  { name: 'quota and limit range not sane', edits: [[N, 'requests: {cpu: "4", memory: 8Gi}', 'requests: {cpu: "16", memory: 8Gi}'], [N, 'defaultRequest: {cpu: 50m, memory: 64Mi}', 'defaultRequest: {cpu: 50m, memory: 2Gi}'], [P, 'default: {cpu: "1", memory: 2Gi}', 'default: {cpu: "41", memory: 2Gi}']],
    expect: [
      { check: 'config/quantity', file: 'clusters/nonprod/cluster.yaml', line: 13, path: 'environments.dev.quota.requests.cpu', message: '`environments.dev.quota.requests.cpu` (16) is more than `environments.dev.quota.limits.cpu` (8)', hint: 'the namespace can never use more requests than limits: lower the requests quota or raise the limits quota' },
      { check: 'config/quantity', file: 'clusters/nonprod/cluster.yaml', line: 18, path: 'environments.dev.limitRange.defaultRequest.memory', message: '`environments.dev.limitRange.defaultRequest.memory` (2Gi) is more than `environments.dev.limitRange.default.memory` (1Gi)', hint: 'a default request may not exceed the default limit' },
      { check: 'config/quantity', file: 'clusters/prod/cluster.yaml', line: 16, path: 'environments.prod.limitRange.default.cpu', message: '`environments.prod.limitRange.default.cpu` (41) is more than `environments.prod.quota.limits.cpu` (40)', hint: 'one container with the default limits would not fit the namespace quota: lower the default or raise the quota' },
    ],
  },
  // environments.<env>.sidecar: the Istio sidecar's requests and limits, rendered as its pod annotations.
  { name: 'sidecar: a memory-style CPU, a CPU-style memory',
    edits: [[P, '    secretStore: {kind: ClusterSecretStore, name: vault-prod}', '    secretStore: {kind: ClusterSecretStore, name: vault-prod}\n    sidecar:\n      requests: {cpu: 100Mi, memory: 600Mi}\n      limits: {cpu: 50m, memory: 512m}']],
    expect: [
      { check: 'config/quantity', file: 'clusters/prod/cluster.yaml', line: 20, path: 'environments.prod.sidecar.requests.cpu', message: '`environments.prod.sidecar.requests.cpu` is `100Mi`, a memory-style amount; CPU is given in cores (`0.5`, `2`) or millicores (`250m`)', hint: 'did you mean `100m`?' },
      { check: 'config/quantity', file: 'clusters/prod/cluster.yaml', line: 21, path: 'environments.prod.sidecar.limits.memory', message: '`environments.prod.sidecar.limits.memory` is `512m`, which means 512 thousandths of a byte; memory is given in bytes', hint: 'did you mean `512Mi`?' },
    ],
  },
  { name: 'sidecar: a request above its limit',
    edits: [[P, '    secretStore: {kind: ClusterSecretStore, name: vault-prod}', '    secretStore: {kind: ClusterSecretStore, name: vault-prod}\n    sidecar:\n      requests: {cpu: 600m, memory: 128Mi}\n      limits: {cpu: 500m, memory: 256Mi}']],
    expect: [
      { check: 'config/quantity', file: 'clusters/prod/cluster.yaml', line: 20, path: 'environments.prod.sidecar.requests.cpu', message: '`environments.prod.sidecar.requests.cpu` (600m) is more than `environments.prod.sidecar.limits.cpu` (500m)', hint: 'a request may not exceed its limit: lower the request or raise the limit' },
    ],
  },
  { name: 'sidecar: limits missing, an unknown key',
    edits: [[P, '    secretStore: {kind: ClusterSecretStore, name: vault-prod}', '    secretStore: {kind: ClusterSecretStore, name: vault-prod}\n    sidecar:\n      requests: {cpu: 100m, memory: 128Mi, storage: 1Gi}']],
    expect: [
      { check: 'config/required', file: 'clusters/prod/cluster.yaml', line: 19, path: 'environments.prod.sidecar.limits', message: 'missing required key `limits` in `environments.prod.sidecar`', hint: 'add `limits: {cpu: 500m, memory: 256Mi}`' },
      { check: 'config/unknown-key', file: 'clusters/prod/cluster.yaml', line: 20, path: 'environments.prod.sidecar.requests.storage', message: 'unknown key `storage` in `environments.prod.sidecar.requests`', hint: 'allowed keys: cpu, memory' },
    ],
  },
  { name: 'image tag latest, empty, bad grammar', edits: [[A, 'version: "1.0.0"', 'version: "Latest"'], [B, 'version: "2.1.0"', 'version: ""'], [B, 'version: "2.2.0-rc.1"', 'version: "-rc.1"']],
    expect: [
      { check: 'config/image-tag', file: 'apps/alpha/service.yaml', line: 4, path: 'version', message: '`version` must not be `Latest`: a moving tag makes deployments unrepeatable', hint: 'pin a released tag, e.g. `version: "1.4.2"`' },
      { check: 'config/image-tag', file: 'apps/beta/service.yaml', line: 5, path: 'version', message: '`version` must not be empty', hint: 'pin a released tag, e.g. `version: "1.4.2"`' },
      { check: 'config/image-tag', file: 'apps/beta/service.yaml', line: 42, path: 'environments.dev.version', message: "`environments.dev.version` is \"-rc.1\", not a valid image tag: expected 1–128 letters, digits, `_`, `.` or `-`, not starting with `.` or `-`", hint: 'pin a released tag, e.g. `version: "1.4.2"`' },
    ],
  },
  { name: 'image with tag, digest, bad grammar', edits: [[B, 'image: registry.example.com/team/beta', 'image: registry.example.com/team/beta:2.1.0']], files: { 'apps/gamma/service.yaml': alpha.replace('name: alpha', 'name: gamma').replace('version', 'image: "reg.example.com/Gamma"\nversion'), 'apps/delta/service.yaml': alpha.replace('name: alpha', 'name: delta').replace('version', 'image: reg.example.com/delta@sha256:abc\nversion') },
    expect: [
      { check: 'config/image', file: 'apps/beta/service.yaml', line: 6, path: 'image', message: '`image` must not contain a tag (`:2.1.0`); the tag comes from `version`', hint: 'remove `:2.1.0` from `image` and set `version: "2.1.0"`' },
      { check: 'config/image', file: 'apps/delta/service.yaml', line: 4, path: 'image', message: "`image` must not contain a digest (`@sha256:…`)", hint: 'put the repository in `image` and the tag in `version`' },
      { check: 'config/image', file: 'apps/gamma/service.yaml', line: 4, path: 'image', message: '`image` is "reg.example.com/Gamma", not a valid image repository', hint: 'use lower-case path components separated by `/`, optionally after a registry host, e.g. `registry.suoke-life.com/suoke-life/xiaoai`' },
    ],
  },
  { name: 'replicas outside the autoscaling range', edits: [[A, 'replicas: 2', 'replicas: 5']],
    expect: [
      { check: 'config/replicas-range', file: 'apps/alpha/service.yaml', line: 8, path: 'replicas', message: "`replicas` (5) is outside the range 2–4 of `autoscaling`", hint: 'set `replicas` between `minReplicas` and `maxReplicas`, or change the range' },
    ],
  },
  { name: 'autoscaling min above max, min zero', edits: [[A, 'minReplicas: 2, maxReplicas: 4', 'minReplicas: 5, maxReplicas: 4'], [B, '  minReplicas: 2', '  minReplicas: 0']],
    expect: [
      { check: 'config/replicas-range', file: 'apps/alpha/service.yaml', line: 9, path: 'autoscaling.maxReplicas', message: '`autoscaling.maxReplicas` (4) is less than `autoscaling.minReplicas` (5)', hint: 'raise `maxReplicas` or lower `minReplicas`' },
      { check: 'config/replicas-range', file: 'apps/beta/service.yaml', line: 36, path: 'autoscaling.minReplicas', message: '`autoscaling.minReplicas` must be at least 1; found 0', hint: 'an HPA keeps at least one replica; use `autoscaling: false` for a fixed count' },
    ],
  },
  { name: 'replicas zero with fixed count', edits: [[A, 'replicas: 2', 'replicas: 0'], [A, 'autoscaling: {minReplicas: 2, maxReplicas: 4, cpu: 70}', 'autoscaling: false']],
    expect: [
      { check: 'config/replicas-range', file: 'apps/alpha/service.yaml', line: 8, path: 'replicas', message: '`replicas` must be at least 1; found 0', hint: 'to remove a service from an environment, set `environments.<env>.enabled: false`' },
    ],
  },
  { name: 'override replicas outside the range', edits: [[A, 'autoscaling', 'environments:\n  dev: {replicas: 9}\n  prod: {autoscaling: {minReplicas: 3, maxReplicas: 5, cpu: 60}}\nautoscaling']],
    expect: [
      { check: 'config/replicas-range', file: 'apps/alpha/service.yaml', line: 10, path: 'environments.dev.replicas', message: "`environments.dev.replicas` (9) is outside the range 2–4 of `autoscaling`", hint: 'set `replicas` between `minReplicas` and `maxReplicas`, or change the range' },
      { check: 'config/replicas-range', file: 'apps/alpha/service.yaml', line: 11, path: 'environments.prod.autoscaling', message: "`environments.prod.autoscaling` allows 3–5 replicas, which excludes `replicas` (2)", hint: 'also set `environments.prod.replicas` within the range, or change the range' },
    ],
  },
  { name: 'HPA targets out of 1-100', edits: [[B, '  cpu: 70\n  memory: 80', '  cpu: 0\n  memory: 101']],
    expect: [
      { check: 'config/range', file: 'apps/beta/service.yaml', line: 38, path: 'autoscaling.cpu', message: '`autoscaling.cpu` must be at least 1; found 0', hint: 'use a value from 1 to 100' },
      { check: 'config/range', file: 'apps/beta/service.yaml', line: 39, path: 'autoscaling.memory', message: '`autoscaling.memory` must be at most 100; found 101', hint: 'use a value from 1 to 100' },
    ],
  },
  { name: 'settings and secret names', edits: [[B, 'MODE: "fast"', 'MODE: "fast"\n  log-level: "x"\n  DATABASE_URL: "y"'], [B, '    property: url\n', '    property: url\n  - env: 9LIVES\n    key: "suoke/{environment}/x"\n  - env: DATABASE_URL\n    key: ""\n'], [B, '      MODE: "safe"', '      MODE: "safe"\n      DATABASE_URL: "z"']],
    expect: [
      { check: 'config/env-name', file: 'apps/beta/service.yaml', line: 23, path: 'settings.log-level', message: '`settings.log-level`: `log-level` is not a valid environment variable name', hint: 'use letters, digits and `_`, not starting with a digit, e.g. `LOG_LEVEL`' },
      { check: 'config/env-collision', file: 'apps/beta/service.yaml', line: 26, path: 'secrets[0].env', message: '`DATABASE_URL` is both a secret and a key of `settings`', hint: 'rename one of them: a variable comes either from the ConfigMap or from the Secret' },
      { check: 'config/env-name', file: 'apps/beta/service.yaml', line: 29, path: 'secrets[1].env', message: '`secrets[1].env`: `9LIVES` is not a valid environment variable name', hint: 'use letters, digits and `_`, not starting with a digit, e.g. `DATABASE_URL`' },
      { check: 'config/secret-key', file: 'apps/beta/service.yaml', line: 30, path: 'secrets[1].key', message: '`secrets[1].key` has the placeholder `{environment}`; only `{env}` is replaced', hint: 'write `{env}` for the environment name, e.g. `suoke/{env}/redis`' },
      { check: 'config/duplicate', file: 'apps/beta/service.yaml', line: 31, path: 'secrets[2].env', message: 'secret variable `DATABASE_URL` is defined twice (also `secrets[0]`)', hint: 'remove one of them' },
      { check: 'config/empty', file: 'apps/beta/service.yaml', line: 32, path: 'secrets[2].key', message: '`secrets[2].key` must not be empty', hint: 'e.g. `key: suoke/{env}/redis`' },
      { check: 'config/env-collision', file: 'apps/beta/service.yaml', line: 54, path: 'environments.prod.settings.DATABASE_URL', message: '`DATABASE_URL` is both a secret and a key of `environments.prod.settings`', hint: 'rename one of them: a variable comes either from the ConfigMap or from the Secret' },
    ],
  },
  { name: 'secret variable named like an environment setting', edits: [[B, '  - env: DATABASE_URL', '  - env: LOG_LEVEL']],
    expect: [
      { check: 'config/env-collision', file: 'apps/beta/service.yaml', line: 24, path: 'secrets[0].env', message: 'secret variable `LOG_LEVEL` has the name of a setting of environment `dev` (clusters/nonprod/cluster.yaml)', hint: 'rename the secret variable: a variable comes either from the ConfigMap or from the Secret' },
    ],
  },
  { name: 'bad CIDRs and ports', edits: [[B, '    cidr: 203.0.113.0/24\n    ports: [443]', '    cidr: 300.1.2.0/24\n    ports: [0, 443, 70000]\n  - description: v6\n    cidr: "2001:db8::/129"\n    ports: [443, 443]\n  - description: no prefix\n    cidr: 10.0.0.1\n    ports: []']],
    expect: [
      { check: 'config/cidr', file: 'apps/beta/service.yaml', line: 19, path: 'external[0].cidr', message: '`external[0].cidr` is "300.1.2.0/24", not an IPv4 or IPv6 CIDR', hint: 'write an address and prefix length, e.g. `203.0.113.10/32` or `2001:db8::/32`' },
      { check: 'config/range', file: 'apps/beta/service.yaml', line: 20, path: 'external[0].ports[0]', message: '`external[0].ports[0]` must be at least 1; found 0', hint: 'use a value from 1 to 65535' },
      { check: 'config/range', file: 'apps/beta/service.yaml', line: 20, path: 'external[0].ports[2]', message: '`external[0].ports[2]` must be at most 65535; found 70000', hint: 'use a value from 1 to 65535' },
      { check: 'config/cidr', file: 'apps/beta/service.yaml', line: 22, path: 'external[1].cidr', message: '`external[1].cidr` is "2001:db8::/129", not an IPv4 or IPv6 CIDR', hint: 'write an address and prefix length, e.g. `203.0.113.10/32` or `2001:db8::/32`' },
      { check: 'config/duplicate', file: 'apps/beta/service.yaml', line: 23, path: 'external[1].ports[0]', message: '`external[1].ports` lists `443` more than once', hint: 'remove the repeated entry' },
      { check: 'config/cidr', file: 'apps/beta/service.yaml', line: 25, path: 'external[2].cidr', message: '`external[2].cidr` is "10.0.0.1", not an IPv4 or IPv6 CIDR', hint: 'write an address and prefix length, e.g. `203.0.113.10/32` or `2001:db8::/32`' },
      { check: 'config/empty', file: 'apps/beta/service.yaml', line: 26, path: 'external[2].ports', message: '`external[2].ports` must not be empty', hint: 'e.g. `ports: [443]`' },
    ],
  },
  { name: 'server, version, namespaces, labels of a cluster', edits: [[N, 'server: https://nonprod.example.com:6443', 'server: http://nonprod.example.com'], [N, 'kubernetesVersion: "1.31"', 'kubernetesVersion: "1.31.2"'], [P, 'kubernetesVersion: "1.31"', 'kubernetesVersion: 1.30'], [P, 'monitoringLabels: {release: kube-prometheus-stack}', 'monitoringLabels: {"bad key!": x, team: "-x"}'], [P, 'ingressNamespace: istio-ingress', 'ingressNamespace: Istio']],
    expect: [
      { check: 'config/url', file: 'clusters/nonprod/cluster.yaml', line: 2, path: 'server', message: '`server` is "http://nonprod.example.com"; expected an https URL of the API server', hint: 'e.g. `server: https://kubernetes.default.svc`' },
      { check: 'config/kubernetes-version', file: 'clusters/nonprod/cluster.yaml', line: 3, path: 'kubernetesVersion', message: '`kubernetesVersion` is "1.31.2"; expected a minor version such as `1.31`', hint: 'write major and minor only, quoted: `kubernetesVersion: "1.31"`' },
      { check: 'config/type', file: 'clusters/prod/cluster.yaml', line: 3, path: 'kubernetesVersion', message: '`kubernetesVersion` must be a string; found the number 1.30', hint: 'quote it: `kubernetesVersion: "1.30"` (unquoted, YAML reads 1.30 as the number 1.3)' },
      { check: 'config/name', file: 'clusters/prod/cluster.yaml', line: 4, path: 'ingressNamespace', message: '`ingressNamespace` is "Istio", not a DNS-1123 label', hint: 'use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `istio-ingress`' },
      { check: 'config/label', file: 'clusters/prod/cluster.yaml', line: 6, path: 'monitoringLabels.team', message: '`monitoringLabels.team` is "-x", not a valid label value', hint: 'use at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit' },
      { check: 'config/label', file: 'clusters/prod/cluster.yaml', line: 6, path: 'monitoringLabels["bad key!"]', message: '`bad key!` in `monitoringLabels` is not a valid label key', hint: 'use at most 63 letters, digits, `-`, `_` and `.`, optionally after a DNS prefix and `/`' },
    ],
  },
  { name: 'server with credentials', edits: [[P, 'server: https://prod.example.com', 'server: https://admin:secret@prod.example.com']],
    expect: [
      { check: 'config/url', file: 'clusters/prod/cluster.yaml', line: 2, path: 'server', message: '`server` must not contain credentials', hint: 'remove `user:password@`; Argo CD holds the cluster credentials' },
    ],
  },
  { name: 'health path and startupSeconds', edits: [[B, 'liveness: /live', 'liveness: live'], [B, 'startupSeconds: 90', 'startupSeconds: 0']],
    expect: [
      { check: 'config/health-path', file: 'apps/beta/service.yaml', line: 10, path: 'health.liveness', message: '`health.liveness` is "live"; expected an HTTP path starting with `/`, without spaces', hint: 'e.g. `liveness: /health`' },
      { check: 'config/range', file: 'apps/beta/service.yaml', line: 12, path: 'startupSeconds', message: '`startupSeconds` must be at least 1; found 0', hint: 'use a value from 1 to 3600' },
    ],
  },
  { name: 'sizing out of range', edits: [[N, 'sizing: {resourceScale: 0.25, replicas: 1, maxReplicas: 2}', 'sizing: {resourceScale: 0, replicas: 3, maxReplicas: 2}'], [P, '    tier: production', '    tier: production\n    sizing: {resourceScale: 1.5, replicas: 0}']],
    expect: [
      { check: 'config/replicas-range', file: 'clusters/nonprod/cluster.yaml', line: 11, path: 'environments.dev.sizing.maxReplicas', message: '`environments.dev.sizing.maxReplicas` (2) is less than `sizing.replicas` (3)', hint: 'raise `maxReplicas` or lower `replicas`' },
      { check: 'config/range', file: 'clusters/nonprod/cluster.yaml', line: 11, path: 'environments.dev.sizing.resourceScale', message: '`environments.dev.sizing.resourceScale` must be more than 0; found 0', hint: 'use a value above 0 and at most 1' },
      { check: 'config/replicas-range', file: 'clusters/prod/cluster.yaml', line: 11, path: 'environments.prod.sizing.replicas', message: '`environments.prod.sizing.replicas` must be at least 1; found 0', hint: 'every service runs at least one replica' },
      { check: 'config/range', file: 'clusters/prod/cluster.yaml', line: 11, path: 'environments.prod.sizing.resourceScale', message: '`environments.prod.sizing.resourceScale` must be at most 1; found 1.5', hint: 'use a value above 0 and at most 1' },
    ],
  },
  { name: 'secret store name not a DNS subdomain', edits: [[N, 'name: vault-dev}', 'name: Vault_Dev}']],
    expect: [
      { check: 'config/name', file: 'clusters/nonprod/cluster.yaml', line: 19, path: 'environments.dev.secretStore.name', message: '`environments.dev.secretStore.name` is "Vault_Dev", not a DNS-1123 subdomain', hint: 'use lower-case letters, digits, `-` and `.`, e.g. `suoke-vault-dev`' },
    ],
  },
  { name: 'non-string key', edits: [[B, 'MODE: "fast"', 'MODE: "fast"\n  1: "one"']],
    expect: [
      { check: 'config/type', file: 'apps/beta/service.yaml', line: 23, path: 'settings', message: 'the key `1` in `settings` must be a string', hint: 'quote it if it is meant literally: `"1":`' },
    ],
  },
  { name: 'local YAML tag (more in yaml-tags.test.ts)', edits: [[A, 'version: "1.0.0"', 'version: !custom x']],
    expect: [
      { check: 'config/yaml-tag', file: 'apps/alpha/service.yaml', line: 4, path: 'version', message: '`version` has the YAML tag `!custom`; config accepts only the YAML 1.2 core tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`', hint: 'remove `!custom` and write a plain value, quoted if it must be a string' },
    ],
  },
  { name: 'binary value', edits: [[A, 'version: "1.0.0"', 'version: !!binary aGVsbG8=']],
    expect: [
      { check: 'config/yaml-tag', file: 'apps/alpha/service.yaml', line: 4, path: 'version', message: '`version` has the YAML tag `!!binary`; config accepts only the YAML 1.2 core tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`', hint: 'remove `!!binary` and write the value as a quoted string' },
    ],
  },
  { name: 'infinite value', edits: [[A, 'replicas: 2', 'replicas: .inf']],
    expect: [
      { check: 'config/type', file: 'apps/alpha/service.yaml', line: 8, path: 'replicas', message: '`replicas` must be a whole number; found the number .inf' },
    ],
  },
  { name: 'aliases are refused', edits: [[A, 'resources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {cpu: 200m, memory: 256Mi}', 'resources:\n  requests: &r {cpu: 100m, memory: 128Mi}\n  limits: *r']],
    expect: [
      { check: 'config/alias', file: 'apps/alpha/service.yaml', line: 7, path: 'resources.limits', message: 'YAML alias `*r` is not allowed in config', hint: 'write the value out in full; anchors and aliases are refused so that every value is visible where it applies' },
    ],
  },
  { name: 'misnamed service.yml', files: { 'apps/gamma/service.yml': alpha.replace('alpha', 'gamma') },
    expect: [
      { check: 'config/file-name', file: 'apps/gamma/service.yml', message: 'apps/gamma/service.yml is not read: config files are named service.yaml', hint: 'rename it to apps/gamma/service.yaml' },
    ],
  },
  { name: 'missing Argo CD file', files: { [G]: undefined },
    expect: [
      { check: 'config/missing', file: 'argocd/argocd.yaml', message: 'argocd/argocd.yaml is missing', hint: 'restore it from Git history, or create it' },
    ],
  },
  { name: 'Argo CD file with credentials and bad revision', files: { [G]: 'repoURL: https://bot:token@git.example.com/x/y.git\ntargetRevision: "main..dev"\nnamespace: Argo\n' },
    expect: [
      { check: 'config/url', file: 'argocd/argocd.yaml', line: 1, path: 'repoURL', message: '`repoURL` must not contain credentials', hint: 'remove `user:token@`: Argo CD holds repository credentials in its own Secrets, never in Git' },
      { check: 'config/revision', file: 'argocd/argocd.yaml', line: 2, path: 'targetRevision', message: '`targetRevision` is "main..dev", not a valid branch, tag or commit name', hint: 'e.g. `targetRevision: main`' },
      { check: 'config/name', file: 'argocd/argocd.yaml', line: 3, path: 'namespace', message: '`namespace` is "Argo", not a DNS-1123 label', hint: 'use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `argocd`' },
    ],
  },
  // Issue 8 item 4: values copied into the ApplicationSet template must not carry Go-template markers.
  { name: 'Go-template markers in the Argo CD values the ApplicationSet template carries', files: { [G]: 'repoURL: "https://git.example.com/{{.service}}.git"\ntargetRevision: "{{.stableVersion}}"\nnamespace: "argo}}"\n' },
    expect: [
      { check: 'config/template-marker', file: 'argocd/argocd.yaml', line: 1, path: 'repoURL', message: '`repoURL` is "https://git.example.com/{{.service}}.git": template markers `{{` and `}}` are not allowed here, because the value is copied into the ApplicationSet template, where Argo CD would evaluate it as a Go template for every generated Application', hint: 'write the plain value without braces, e.g. `https://git.suoke-life.com/platform/suoke-life-gitops.git`' },
      { check: 'config/template-marker', file: 'argocd/argocd.yaml', line: 2, path: 'targetRevision', message: '`targetRevision` is "{{.stableVersion}}": template markers `{{` and `}}` are not allowed here, because the value is copied into the ApplicationSet template, where Argo CD would evaluate it as a Go template for every generated Application', hint: 'write the plain value without braces, e.g. `main`' },
      { check: 'config/template-marker', file: 'argocd/argocd.yaml', line: 3, path: 'namespace', message: '`namespace` is "argo}}": template markers `{{` and `}}` are not allowed here, because the value is copied into the ApplicationSet template, where Argo CD would evaluate it as a Go template for every generated Application', hint: 'write the plain value without braces, e.g. `argocd`' },
    ],
  },
  { name: 'Go-template markers in the cluster values the ApplicationSet template carries', edits: [[N, 'server: https://nonprod.example.com:6443', 'server: "https://{{.name}}.example.com"'], [N, '    namespace: suoke-dev', '    namespace: "{{.path}}"']],
    expect: [
      { check: 'config/template-marker', file: 'clusters/nonprod/cluster.yaml', line: 2, path: 'server', message: '`server` is "https://{{.name}}.example.com": template markers `{{` and `}}` are not allowed here, because the value is copied into the ApplicationSet template, where Argo CD would evaluate it as a Go template for every generated Application', hint: 'write the plain value without braces, e.g. `https://kubernetes.default.svc`' },
      { check: 'config/template-marker', file: 'clusters/nonprod/cluster.yaml', line: 9, path: 'environments.dev.namespace', message: '`environments.dev.namespace` is "{{.path}}": template markers `{{` and `}}` are not allowed here, because the value is copied into the ApplicationSet template, where Argo CD would evaluate it as a Go template for every generated Application', hint: 'write the plain value without braces, e.g. `suoke-staging`' },
    ],
  },
  { name: 'Go-template markers in an environment name', edits: [[P, '  prod:\n', '  "{{.tier}}":\n']],
    expect: [
      // The environment is then unknown to the service that overrides it: a consequence, reported where it shows.
      { check: 'config/unknown-environment', file: 'apps/beta/service.yaml', line: 45, path: 'environments.prod', message: 'no cluster declares an environment `prod`', hint: 'environments: dev' },
      { check: 'config/template-marker', file: 'clusters/prod/cluster.yaml', line: 8, path: 'environments["{{.tier}}"]', message: 'the key "{{.tier}}" of `environments`: template markers `{{` and `}}` are not allowed here, because the value is copied into the ApplicationSet template, where Argo CD would evaluate it as a Go template for every generated Application', hint: 'write the plain value without braces, e.g. `staging`' },
    ],
  },
  { name: 'no services and no clusters', files: { [A]: undefined, [B]: undefined, [N]: undefined, [P]: undefined },
    expect: [
      { check: 'config/missing', file: 'apps', message: 'no service files found: expected apps/<service>/service.yaml', hint: 'run the command from the root of the GitOps repository' },
      { check: 'config/missing', file: 'clusters', message: 'no cluster files found: expected clusters/<cluster>/cluster.yaml', hint: 'run the command from the root of the GitOps repository' },
    ],
  },
  { name: 'problems in several files are all reported', edits: [[A, 'group: core', 'group: cor'], [B, 'replicas: 2\n', 'replicas: 7\n'], [N, 'pods: 40', 'pods: 0']],
    expect: [
      { check: 'config/enum', file: 'apps/alpha/service.yaml', line: 2, path: 'group', message: '`group` must be one of core, agent, diagnosis, support, frontend; found `cor`', hint: 'did you mean `core`?' },
      { check: 'config/replicas-range', file: 'apps/beta/service.yaml', line: 34, path: 'replicas', message: "`replicas` (7) is outside the range 2–6 of `autoscaling`", hint: 'set `replicas` between `minReplicas` and `maxReplicas`, or change the range' },
      { check: 'config/range', file: 'clusters/nonprod/cluster.yaml', line: 15, path: 'environments.dev.quota.pods', message: '`environments.dev.quota.pods` must be at least 1; found 0', hint: 'use a value at least 1' },
    ],
  },
];


describe('bad configuration gives exactly these findings', () => {
  test.each(cases)('$name', (c) => {
    const { config, findings } = readConfig(fixtureFs(c.edits, c.files), loadOptions);
    expect(withoutSeverity(findings)).toEqual(c.expect);
    expect(config).toBeUndefined();
  });
});

test('loadConfig throws a UserError carrying every finding', () => {
  const fs = fixtureFs([
    ['apps/alpha/service.yaml', 'group: core', 'group: cor'],
    ['clusters/nonprod/cluster.yaml', 'pods: 40', 'pods: 0'],
  ]);
  let thrown: unknown;
  try {
    loadConfig(fs, loadOptions);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(UserError);
  const err = thrown as UserError;
  expect(err.findings.map((f) => f.check)).toEqual(['config/enum', 'config/range']);
  expect(err.message).toBe(
    'apps/alpha/service.yaml:2: `group` must be one of core, agent, diagnosis, support, frontend; found `cor`\n' +
      'clusters/nonprod/cluster.yaml:15: `environments.dev.quota.pods` must be at least 1; found 0',
  );
});
