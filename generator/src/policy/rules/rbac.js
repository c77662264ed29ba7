import { list, rec } from './pod.js';
export const rbacWildcard = {
    id: 'rbac-wildcard',
    description: 'Roles and ClusterRoles grant named verbs on named resources, never `*` (least privilege).',
    severity: { development: 'error', production: 'error' },
    applies: (o) => (o.kind === 'Role' || o.kind === 'ClusterRole') && String(o.apiVersion).startsWith('rbac.authorization.k8s.io/'),
    check(obj, ctx) {
        const what = { verbs: 'every verb', resources: 'every resource', apiGroups: 'every API group', nonResourceURLs: 'every non-resource URL' };
        return list(obj.rules).flatMap((r, i) => Object.keys(what)
            .filter((f) => list(rec(r)[f]).includes('*'))
            .map((f) => ctx.report(['rules', i, f], `${String(obj.kind)} grants ${what[f]} ("*" in rules[${i}].${f})`, `list the ${f} the subject needs`)));
    },
};
export const clusterAdminBinding = {
    id: 'cluster-admin-binding',
    description: 'Nothing is bound to the `cluster-admin` ClusterRole.',
    severity: { development: 'error', production: 'error' },
    applies: (o) => (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') && String(o.apiVersion).startsWith('rbac.authorization.k8s.io/'),
    check(obj, ctx) {
        const ref = rec(obj.roleRef);
        if (ref.kind !== 'ClusterRole' || ref.name !== 'cluster-admin')
            return [];
        const who = list(obj.subjects).map((s) => `${String(rec(s).kind)} ${String(rec(s).name)}`).join(', ');
        return [ctx.report(['roleRef', 'name'], `${String(obj.kind)} grants cluster-admin${who ? ` to ${who}` : ''}`, 'bind a Role with only the permissions needed')];
    },
};
