import type { ArgoConfig, ArgoRoleGroups } from '../config/types.js';
import { cmp } from '../core/finding.js';
import type { EnvironmentModel } from '../model/types.js';
import { RESOURCES_FINALIZER } from './argocd-apps.js';
import { syncWindowsFor, type SyncWindow } from './argocd-sync-windows.js';
import type { BuildTarget } from './layout.js';
import type { AppProject } from './kinds.js';
import { BOOTSTRAP_WAVES } from './argocd-waves.js';
import { projectName } from './conventions.js';

/** A `group|kind` pair of an AppProject resource allow-list. */
type GroupKind = NonNullable<NonNullable<AppProject['spec']>['namespaceResourceWhitelist']>[number];

/**
 * The two roles of every project. Deployers view, sync, read logs and may abort a canary (which only
 * ever sends traffic back to stable); read-only users view. Nobody gets `create`, `update`, `delete`
 * or `override` on Applications: those change what Git says, and Git is where changes are reviewed.
 */
const ROLE_ACTIONS: Record<'deployer' | 'read-only', { description: string; grants: [resource: string, action: string][] }> = {
  deployer: {
    description: 'View and sync the Applications, read their logs, abort a canary',
    grants: [
      ['applications', 'get'],
      ['applications', 'sync'],
      ['applications', 'action/argoproj.io/Rollout/abort'],
      ['logs', 'get'],
    ],
  },
  'read-only': { description: 'View the Applications', grants: [['applications', 'get']] },
};

/** Argo CD RBAC policy lines of one project role, in `p, proj:<project>:<role>, <resource>, <action>, <project>/*, allow` form. */
export function rolePolicies(project: string, role: keyof typeof ROLE_ACTIONS): string[] {
  return ROLE_ACTIONS[role].grants.map(([resource, action]) => `p, proj:${project}:${role}, ${resource}, ${action}, ${project}/*, allow`);
}

/** The groups of one environment: a list under `roles.environments.<env>` replaces the platform-wide one. */
export function roleGroups(a: ArgoConfig, env: string): ArgoRoleGroups {
  const o = a.roles.environments[env] ?? {};
  return { deployers: o.deployers ?? a.roles.deployers, readOnly: o.readOnly ?? a.roles.readOnly };
}

type Role = NonNullable<NonNullable<AppProject['spec']>['roles']>[number];

function roles(project: string, groups: Partial<ArgoRoleGroups>): Role[] {
  const role = (name: keyof typeof ROLE_ACTIONS, g: string[] | undefined): Role => ({
    name,
    description: ROLE_ACTIONS[name].description,
    policies: rolePolicies(project, name),
    ...(g && g.length > 0 ? ({ groups: [...g] } satisfies Pick<Role, 'groups'>) : {}),
  });
  return [
    ...(groups.deployers !== undefined ? [role('deployer', groups.deployers)] : []),
    ...(groups.readOnly !== undefined ? [role('read-only', groups.readOnly)] : []),
  ];
}

/**
 * Where the change windows of issue 4 go: each AppProject's `syncWindows`, emitted only when there
 * are any, so the projects read the same until windows are configured.
 */
function projectSyncWindows(e: EnvironmentModel): SyncWindow[] {
  return syncWindowsFor(e.env);
}

/**
 * The AppProject of one environment, least privilege: this repository only; the environment's
 * cluster and namespace only; exactly the kinds its paths render (cluster-scoped ones — the
 * Namespace — in the cluster allow-list, the rest in the namespace allow-list); roles; warnings for
 * objects in the namespace that no Application manages.
 */
export function environmentProject(a: ArgoConfig, e: EnvironmentModel, targets: readonly BuildTarget[], labels: Record<string, string>): AppProject {
  const project = projectName(e.env.name);
  const clusterKinds = new Map<string, GroupKind>();
  const namespaceKinds = new Map<string, GroupKind>();
  for (const t of targets) {
    if (t.env !== e.env.name) continue;
    for (const o of t.objects) {
      const gk = { group: apiGroup(o.apiVersion), kind: o.kind };
      (o.metadata.namespace === undefined ? clusterKinds : namespaceKinds).set(`${gk.group}|${gk.kind}`, gk);
    }
  }
  const sorted = (m: Map<string, GroupKind>) => [...m.values()].sort((x, y) => cmp(x.group, y.group) || cmp(x.kind, y.kind));
  const windows = projectSyncWindows(e);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    // Held until no Application names the project any more (argo-cd controller/appcontroller.go:1062-1087
    // @ v2.13.9): when an environment is removed, the bootstrap prunes its project and its root together,
    // and the root's cascade deletes Applications whose own finalizers need the project
    // (appcontroller.go:1154-1157: without it their deletion fails and never ends).
    metadata: { name: project, namespace: a.namespace, labels, annotations: { 'argocd.argoproj.io/sync-wave': String(BOOTSTRAP_WAVES.projects) }, finalizers: [RESOURCES_FINALIZER] },
    spec: {
      description: `Suoke Life ${e.env.name} environment (namespace ${e.env.namespace} on cluster ${e.cluster.name})`,
      sourceRepos: [a.repoURL],
      // The shared Application also delivers the data namespace's Namespace and policies.
      // The edge Application delivers the Gateway, certificate and EnvoyFilters into the ingress namespace.
      destinations: [e.env.namespace, ...(e.env.dataServices ? [e.env.dataServices.namespace] : []), ...(e.env.edge ? [e.cluster.ingressNamespace] : [])].map((namespace) => ({ server: e.cluster.server, namespace })),
      clusterResourceWhitelist: sorted(clusterKinds),
      namespaceResourceWhitelist: sorted(namespaceKinds),
      orphanedResources: { warn: true, ignore: MESH_CREATED },
      roles: roles(project, roleGroups(a, e.env.name)),
      ...(windows.length > 0 ? ({ syncWindows: windows } satisfies Pick<NonNullable<AppProject['spec']>, 'syncWindows'>) : {}),
    },
  };
}

/**
 * Objects the platform creates in every namespace, not ours to manage: Istio's root-certificate
 * ConfigMap (istio pilot/pkg/serviceregistry/kube/controller/namespacecontroller.go:36 @ 1.22.8).
 * Argo CD already ignores `kube-root-ca.crt`, the `default` ServiceAccount and the `kubernetes`
 * Service itself (argo-cd controller/appcontroller.go:495-504 @ v2.13.9, isKnownOrphanedResourceExclusion).
 */
const MESH_CREATED: NonNullable<NonNullable<AppProject['spec']>['orphanedResources']>['ignore'] = [{ group: '', kind: 'ConfigMap', name: 'istio-ca-root-cert' }];

/** Project of the Argo CD objects themselves (bootstrap, projects, environment roots, foundation Applications, ApplicationSets, the argocd-cm patch). It has no change windows. */
export function platformProject(a: ArgoConfig, project: string, server: string, labels: Record<string, string>): AppProject {
  const kinds: GroupKind[] = [
    { group: '', kind: 'ConfigMap' },
    { group: 'argoproj.io', kind: 'AppProject' },
    { group: 'argoproj.io', kind: 'Application' },
    { group: 'argoproj.io', kind: 'ApplicationSet' },
  ];
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: project, namespace: a.namespace, labels, annotations: { 'argocd.argoproj.io/sync-wave': String(BOOTSTRAP_WAVES.projects) } },
    spec: {
      description: 'Argo CD objects of the Suoke Life platform: bootstrap, projects, environment roots, foundation Applications, ApplicationSets, health checks',
      sourceRepos: [a.repoURL],
      destinations: [{ server, namespace: a.namespace }],
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: kinds,
      roles: roles(project, { readOnly: a.roles.readOnly }),
    },
  };
}


function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] as string) : '';
}
