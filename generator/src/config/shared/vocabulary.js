/**
 * Plain data the declarations (`*schema.ts`, used by the build) and the run-time checks and builders
 * share: closed lists of words and the defaults that depend on them. Nothing here needs TypeBox, so
 * `render` and `validate` can import it without loading the declarations.
 */
/** Data services a workload can depend on; each drives an egress NetworkPolicy rule to where `dataServices` says it runs. */
export const dataKinds = ['postgres', 'redis', 'mq', 'elasticsearch'];
/** Service groups of the deployment plan; they pick node pools and Argo CD labels. */
export const serviceGroups = ['core', 'agent', 'diagnosis', 'support', 'frontend'];
/** The default client port of each kind, which `dataServices.<kind>.port` may change. */
export const DEFAULT_PORTS = { postgres: 5432, redis: 6379, mq: 5672, elasticsearch: 9200 };
/**
 * Default namespace of each operator, the one its own install uses: CNPG docs/src/networking.md:29-30
 * @ v1.30.0 (`cnpg-system`); RabbitMQ config/default/kustomization.yaml:2 @ v2.22.3 (`rabbitmq-system`);
 * OT redis-operator docs/content/en/docs/Advance Configuration/Exposing Redis/_index.md:35 @ v0.26.0
 * (`ot-operators`); ECK's documented `elastic-system`. The operator must reach its pods (CNPG
 * docs/src/networking.md:26: "ensure the operator can reach every cluster pod").
 */
export const DEFAULT_OPERATOR_NAMESPACES = {
    postgres: 'cnpg-system',
    redis: 'ot-operators',
    mq: 'rabbitmq-system',
    elasticsearch: 'elastic-system',
};
/**
 * The add-on waves of `install.wave` in platform/addons.yaml, first to last: an add-on waits for
 * every add-on of a lower wave to be Healthy (render/argocd-waves.ts maps them into the bootstrap's sync).
 */
export const ADDON_WAVES = { first: 0, last: 5 };
/** The alert levels of the deployment plan (告警级别), most urgent first; every alert carries one as its `priority` label. */
export const ALERT_LEVELS = ['P0', 'P1', 'P2', 'P3'];
