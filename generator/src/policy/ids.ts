/**
 * The ids of the policy rules, without the rules: the configuration checks (which every `render`
 * runs) need to know which check a waiver may name, not the rules themselves. Kept equal to the
 * registry (`RULES` in rules/index.ts, same order) by generator/test/policy/ids.test.ts.
 */
export const RULE_IDS: readonly string[] = [
  'image-tag',
  'image-digest',
  'resources',
  'quantity',
  'probes',
  'probe-port',
  'run-as-non-root',
  'read-only-root-fs',
  'privileged',
  'privilege-escalation',
  'capabilities',
  'seccomp',
  'pod-security-baseline',
  'host-namespaces',
  'host-path',
  'host-port',
  'volume-types',
  'secret-env',
  'secret-data',
  'duplicate-env',
  'dangling-service',
  'dangling-hpa',
  'dangling-pdb',
  'dangling-networkpolicy',
  'dangling-servicemonitor',
  'pdb-blocks-eviction',
  'min-replicas',
  'topology-spread',
  'network-policy-coverage',
  'data-service-reach',
  'rbac-wildcard',
  'cluster-admin-binding',
  'deprecated-api',
  'default-namespace',
  'dns-name',
  'weighted-route-only',
];

/** Every check id that a waiver may name: the rules and `capacity`. */
export const WAIVABLE: readonly string[] = [...RULE_IDS, 'capacity'];
