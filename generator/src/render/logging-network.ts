/**
 * The NetworkPolicies of the logging namespace: every pod isolated both ways (the policy catalogue's
 * network-policy-coverage holds platform Jobs to it), then exactly the paths the stack uses. Pod labels
 * are the operator's: `elasticsearch.k8s.elastic.co/cluster-name` (elastic/cloud-on-k8s
 * pkg/controller/elasticsearch/label/label.go:24 @ v3.5.0), `kibana.k8s.elastic.co/name`
 * (pkg/controller/kibana/label/label.go:15), `beat.k8s.elastic.co/name` (pkg/controller/beat/common/labels.go:12).
 */
import { dnsEgress } from './conventions.js';
import type { NetworkPolicy } from './kinds.js';

type PolicySpec = NonNullable<NetworkPolicy['spec']>;
type Peer = NonNullable<NonNullable<PolicySpec['ingress']>[number]['from']>[number];

/** Elasticsearch's HTTP and transport ports (ECK's defaults), Kibana's HTTP port. */
const PORT = { http: 9200, transport: 9300 } as const;
/** Where the ECK operator runs (platform/addons.yaml `eck-operator`): it calls Elasticsearch's API. */
const OPERATOR_NAMESPACE = 'elastic-system';

const tcp = (port: number) => ({ protocol: 'TCP' as const, port });

/** The names of the stack's objects, which the operator's pod labels carry. */
export interface LoggingNames {
  namespace: string;
  elasticsearch: string;
  kibana: string;
  beat: string;
  /** The `app.kubernetes.io/name` of the lifecycle Job's pods. */
  job: string;
}

/** The policies, by file name. */
export function loggingNetworkPolicies(n: LoggingNames, labels: Record<string, string>): { file: string; object: NetworkPolicy }[] {
  const es: Peer = { podSelector: { matchLabels: { 'elasticsearch.k8s.elastic.co/cluster-name': n.elasticsearch } } };
  const policy = (name: string, podSelector: Record<string, string>, spec: Omit<PolicySpec, 'podSelector' | 'policyTypes'>): NetworkPolicy => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: n.namespace, labels },
    spec: { podSelector: { matchLabels: podSelector }, policyTypes: ['Ingress', 'Egress'], ...spec },
  });
  const toEs = { to: [es], ports: [tcp(PORT.http)] };
  const deny: NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', namespace: n.namespace, labels },
    // Every pod of the namespace: isolated both ways, DNS allowed.
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [dnsEgress()] },
  };
  const client = (what: string): Peer => (what === 'beat' ? { podSelector: { matchLabels: { 'beat.k8s.elastic.co/name': n.beat } } } : what === 'kibana' ? { podSelector: { matchLabels: { 'kibana.k8s.elastic.co/name': n.kibana } } } : { podSelector: { matchLabels: { 'app.kubernetes.io/name': n.job } } });
  return [
    { file: 'networkpolicy-default-deny.yaml', object: deny },
    {
      file: 'networkpolicy-elasticsearch.yaml',
      object: policy('elasticsearch', es.podSelector!.matchLabels!, {
        ingress: [
          // The shipper, Kibana, the lifecycle Job, and the operator (it reconciles through the HTTP API).
          { from: [client('beat'), client('kibana'), client('job'), { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': OPERATOR_NAMESPACE } } }], ports: [tcp(PORT.http)] },
          { from: [es], ports: [tcp(PORT.transport)] },
        ],
        egress: [{ to: [es], ports: [tcp(PORT.transport)] }],
      }),
    },
    { file: 'networkpolicy-kibana.yaml', object: policy('kibana', client('kibana').podSelector!.matchLabels!, { egress: [toEs] }) },
    { file: 'networkpolicy-ilm-job.yaml', object: policy('logging-ilm', client('job').podSelector!.matchLabels!, { egress: [toEs] }) },
    {
      file: 'networkpolicy-filebeat.yaml',
      // add_kubernetes_metadata watches the API server, whose address is outside configuration: its ports only.
      object: policy('filebeat', client('beat').podSelector!.matchLabels!, { egress: [toEs, { ports: [tcp(443), tcp(6443)] }] }),
    },
  ];
}
