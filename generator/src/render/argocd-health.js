import { BOOTSTRAP_WAVES } from './argocd-waves.js';
/**
 * The label that takes an Application out of every sync-wave gate: its health, as the check below
 * reports it, is always Healthy. Carried by Applications whose own sync may wait on something it
 * must not pass on to its parent: the bootstrap (its sync contains itself, and its `.operation` stays
 * set until that sync ends) and the environment roots (their sync waits on an environment's change
 * windows). Their real health is still shown on the Application itself and in the check's message.
 */
export const HEALTH_GATE = { label: 'suoke-life.com/health-gate', none: 'none' };
/**
 * Health of a child Application (app of apps). Argo CD has no built-in one, so without it a sync
 * wave holding Applications never waits for them. The child's own health decides; a child that has
 * not reported yet, is Missing or Unknown, or is still running a sync counts as Progressing. A child
 * labelled {@link HEALTH_GATE} is Healthy whatever its state, so it never holds its parent's waves.
 */
const APPLICATION_HEALTH = `local hs = { status = "Progressing", message = "waiting for the Application to report its health" }
if obj.metadata ~= nil and obj.metadata.labels ~= nil and obj.metadata.labels["${HEALTH_GATE.label}"] == "${HEALTH_GATE.none}" then
  local own = "not reported yet"
  if obj.status ~= nil and obj.status.health ~= nil and obj.status.health.status ~= nil then
    own = obj.status.health.status
  end
  hs.status = "Healthy"
  hs.message = "never gates a sync wave (${HEALTH_GATE.label}: ${HEALTH_GATE.none}); its own health: " .. own
  return hs
end
if obj.status == nil or obj.status.health == nil or obj.status.health.status == nil then
  return hs
end
local s = obj.status.health.status
if obj.operation ~= nil or (obj.status.operationState ~= nil and obj.status.operationState.phase == "Running") then
  hs.message = "sync in progress"
  return hs
end
if s == "Healthy" or s == "Degraded" or s == "Suspended" then
  hs.status = s
end
hs.message = obj.status.health.message or ("Application is " .. s)
return hs
`;
/**
 * Health of a CloudNativePG \`Cluster\` from its \`status.phase\` (api/v1 cluster_types.go): Healthy only
 * in "Cluster in healthy state", Degraded where a person must act, Progressing otherwise (setting up
 * the primary, creating replicas, switchover, upgrades).
 */
const CNPG_CLUSTER_HEALTH = `local hs = { status = "Progressing", message = "waiting for CloudNativePG to report the cluster phase" }
if obj.status == nil or obj.status.phase == nil then
  return hs
end
local phase = obj.status.phase
hs.message = phase
if phase == "Cluster in healthy state" then
  hs.status = "Healthy"
elseif phase == "Cluster is in an unrecoverable state, needs manual intervention" or phase == "Cluster upgrade failed" or phase == "Waiting for user action" then
  hs.status = "Degraded"
end
return hs
`;
/**
 * Health of a Redis operator `RedisReplication` (OT-CONTAINER-KIT/redis-operator; Argo CD ships no
 * check for it up to v3.5.1). Its only status is the master the operator elected
 * (api/redisreplication/v1beta2/redisreplication_types.go:84-89 @ v0.26.0), written once it saw every
 * pod and linked replication (internal/controller/redisreplication/redisreplication_controller.go:416-462,
 * :507-519): Healthy with a master, Progressing without (also after losing one, until a new election).
 * The operator reports no failure, so this check is never Degraded. `Redis` and `RedisSentinel` get
 * no check: their status is empty (api/redis/v1beta2/redis_types.go:60,
 * api/redissentinel/v1beta2/redissentinel_types.go:54 @ v0.26.0).
 */
const REDIS_REPLICATION_HEALTH = `local hs = { status = "Progressing", message = "waiting for the Redis operator to elect a master" }
if obj.status ~= nil and obj.status.masterNode ~= nil and obj.status.masterNode ~= "" then
  hs.status = "Healthy"
  hs.message = "master: " .. obj.status.masterNode
end
return hs
`;
/**
 * The `argocd-cm` keys this repository owns, by key. The RabbitMQ kinds need none: Argo CD v3.5.1 ships
 * their checks (resource_customizations/rabbitmq.com, re-expressed in simulate/health.ts).
 */
export const HEALTH_CUSTOMIZATIONS = {
    'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH,
    'resource.customizations.health.postgresql.cnpg.io_Cluster': CNPG_CLUSTER_HEALTH,
    'resource.customizations.health.redis.redis.opstreelabs.in_RedisReplication': REDIS_REPLICATION_HEALTH,
};
/**
 * A partial `argocd-cm`: only the health keys. Applied server-side, so Argo CD's field manager owns
 * those keys alone and every other key of the installed `argocd-cm` stays as it is; never pruned and
 * never deleted with the bootstrap Application, since Argo CD cannot run without `argocd-cm`.
 */
export function healthConfigMap(namespace) {
    return {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
            name: 'argocd-cm',
            namespace,
            // Argo CD reads only the settings ConfigMaps carrying this label (argo-cd util/settings/settings.go:505
            // and :1332 @ v2.13.9): without it the health checks below would never be loaded.
            labels: { 'app.kubernetes.io/part-of': 'argocd' },
            annotations: {
                'argocd.argoproj.io/sync-options': 'ServerSideApply=true,Prune=false,Delete=false',
                'argocd.argoproj.io/sync-wave': String(BOOTSTRAP_WAVES.projects),
            },
        },
        data: { ...HEALTH_CUSTOMIZATIONS },
    };
}
