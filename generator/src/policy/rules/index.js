import { deprecatedApi } from './api-versions.js';
import { minReplicas, pdbBlocksEviction, topologySpread } from './availability.js';
import { hostNamespaces, hostPath, hostPort, volumeTypes } from './host.js';
import { imageDigest, imageTag } from './images.js';
import { defaultNamespace, dnsName } from './names.js';
import { networkPolicyCoverage } from './network.js';
import { dataServiceReach } from './data-services.js';
import { dataDisruption, dataResources, dataSpread } from './data-pods.js';
import { dataMigrations } from './migrations.js';
import { probePort, probes } from './probes.js';
import { clusterAdminBinding, rbacWildcard } from './rbac.js';
import { danglingHpa, danglingNetworkPolicy, danglingPdb, danglingService, danglingServiceMonitor } from './references.js';
import { quantity, resources } from './resources.js';
import { weightedRouteOnly } from './routing.js';
import { duplicateEnv, secretData, secretEnv } from './secrets.js';
import { capabilities, podSecurityBaseline, privilegeEscalation, privileged, readOnlyRootFilesystem, runAsNonRoot, seccomp } from './security.js';
export const RULES = [
    imageTag,
    imageDigest,
    resources,
    quantity,
    probes,
    probePort,
    runAsNonRoot,
    readOnlyRootFilesystem,
    privileged,
    privilegeEscalation,
    capabilities,
    seccomp,
    podSecurityBaseline,
    hostNamespaces,
    hostPath,
    hostPort,
    volumeTypes,
    secretEnv,
    secretData,
    duplicateEnv,
    danglingService,
    danglingHpa,
    danglingPdb,
    danglingNetworkPolicy,
    danglingServiceMonitor,
    pdbBlocksEviction,
    minReplicas,
    topologySpread,
    networkPolicyCoverage,
    dataServiceReach,
    dataResources,
    dataSpread,
    dataDisruption,
    dataMigrations,
    rbacWildcard,
    clusterAdminBinding,
    deprecatedApi,
    defaultNamespace,
    dnsName,
    weightedRouteOnly,
];
/**
 * Checks the engine and `validate` report besides the rules (waivers, capacity), for the catalogue
 * (docs/policies.md, README, SARIF); `severity` as documented.
 */
export const ENGINE_CHECKS = [
    { id: 'waived', severity: 'info', description: 'A check was waived on an object, with the written reason (info).' },
    { id: 'waiver-reason', severity: 'error', description: 'A waiver annotation without a written reason (at least 10 characters): the check still applies (error).' },
    { id: 'waiver-unknown', severity: 'error', description: 'A waiver names a check that does not exist (error).' },
    { id: 'waiver-unused', severity: 'warning', description: 'A waiver waives a check that finds nothing (warning).' },
    { id: 'capacity', severity: 'warning / error', description: 'Requests × replicas of a node pool (or cluster) exceed what its nodes offer.' },
    { id: 'capacity-headroom', severity: 'info', description: 'The headroom report: requests at maximum replicas against each node pool (info).' },
    { id: 'capacity-unplaced', severity: 'warning', description: 'A service whose group no node pool hosts (warning).' },
    { id: 'quota', severity: 'error', description: 'A ResourceQuota cannot hold its pods (Istio sidecars and init containers included) at minimum replicas, or at the worst case: maximum replicas with rolling-update surge and canary pods; or a pod leaves a tracked resource unset.' },
    { id: 'quota-headroom', severity: 'info', description: 'The quota report: requests, limits and pods at minimum replicas and at the worst case, per namespace (info).' },
    { id: 'data-storage-class', severity: 'error', description: 'A volume claims a storage class the cluster does not have (its platform Application renders no such StorageClass): the claim is never bound (error).' },
    { id: 'data-connections', severity: 'error', description: "A PostgreSQL's pooler may open more server connections than max_connections leaves, or the services at their maxima more client connections than the pooler accepts." },
    { id: 'data-connections-headroom', severity: 'info', description: 'The connection budget of each PostgreSQL: server and client connections against what is available (info).' },
    { id: 'data-backup', severity: 'error', description: 'A production database without backups.' },
    { id: 'data-recovery', severity: 'error', description: "A production database whose backups miss the plan's objectives: RPO < 1 h, RTO < 4 h, computed from the configured settings." },
    { id: 'data-recovery-figures', severity: 'info', description: 'The RPO and RTO of each backed-up database, with the figures they come from (info).' },
];
