import { containers, label, list, nameOf, namespaceOf, objectsOfKind, podTemplate, rec, str, valueAt } from './pod.js';
const DATABASE_URL = 'DATABASE_URL';
/**
 * Hook phases of an object as Argo CD reads them: the comma-separated `argocd.argoproj.io/hook`, and
 * only without a valid one Helm's `helm.sh/hook`, whose `pre-install` and `pre-upgrade` are PreSync
 * (argo-cd `gitops-engine/pkg/sync/hook/hook.go:43-58`, `hook/helm/type.go:13-14, 28-29` @ v3.5.1).
 */
function hookPhases(o) {
    const annotations = rec(rec(o.metadata).annotations);
    const csv = (key) => (str(annotations[key]) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    const argo = csv('argocd.argoproj.io/hook').filter((t) => ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'PostDelete', 'Skip'].includes(t));
    if (argo.length > 0)
        return argo;
    return csv('helm.sh/hook').flatMap((t) => (t === 'pre-install' || t === 'pre-upgrade' ? ['PreSync'] : []));
}
/** Whether the Secret `name` in `ns` is written by an ExternalSecret that composes `DATABASE_URL` with a template: a database rendered here. */
function composedDatabaseUrl(objects, ns, name) {
    return objectsOfKind(objects, ns, 'ExternalSecret').some((es) => {
        const target = rec(rec(es.spec).target);
        if ((str(target.name) ?? nameOf(es)) !== name)
            return false;
        return /^postgres(ql)?:\/\//.test(str(valueAt(target, ['template', 'data', DATABASE_URL])) ?? '');
    });
}
/** `registry/repo:tag@sha256:…` → `registry/repo`. */
function repository(image) {
    const bare = image.split('@')[0];
    const slash = bare.lastIndexOf('/');
    const colon = bare.lastIndexOf(':');
    return colon > slash ? bare.slice(0, colon) : bare;
}
export const dataMigrations = {
    id: 'data-migrations',
    description: 'A workload whose database this repository renders (its DATABASE_URL composed by an ExternalSecret template) has its schema migrated by an Argo CD PreSync hook Job running the same image, so new pods never start against an unmigrated schema.',
    severity: { development: 'warning', production: 'warning' },
    applies: (o) => ['Deployment', 'StatefulSet', 'Rollout'].includes(String(o.kind)),
    check(obj, ctx) {
        const pod = podTemplate(obj);
        if (!pod)
            return [];
        const ns = namespaceOf(obj);
        const hooks = objectsOfKind(ctx.neighbours, ns, 'Job').filter((j) => hookPhases(j).includes('PreSync'));
        const hookImages = hooks.flatMap((j) => {
            const t = podTemplate(j);
            return t ? containers(t).flatMap((c) => str(c.c.image) ?? []) : [];
        });
        return containers(pod, false).flatMap((c) => {
            const index = list(c.c.env).findIndex((v) => rec(v).name === DATABASE_URL);
            if (index < 0)
                return [];
            const secret = str(valueAt(c.c.env, [index, 'valueFrom', 'secretKeyRef', 'name']));
            const image = str(c.c.image);
            if (!secret || !image || !composedDatabaseUrl(ctx.neighbours, ns, secret))
                return [];
            if (hookImages.includes(image))
                return [];
            const at = [...c.at, 'env', index];
            const other = hookImages.find((i) => repository(i) === repository(image));
            if (other) {
                return [
                    ctx.report([...c.at, 'image'], `the PreSync Job migrates with ${other}, but ${label(c)} of ${String(obj.kind)} "${nameOf(obj)}" runs ${image}: the schema would be another version's`, 'render the migration Job and the workload from the same version (one `version` in apps/<service>/service.yaml; docs/data-layer.md#migrations)', 'error'),
                ];
            }
            return [
                ctx.report(at, `${label(c)} of ${String(obj.kind)} "${nameOf(obj)}" reads ${DATABASE_URL} from a database this repository renders, but no Argo CD PreSync hook Job runs its image ${image}: new versions start against a schema nobody migrated`, 'declare `database.migrations.command` (an idempotent command of the image) in apps/<service>/service.yaml (docs/data-layer.md#migrations), or waive `data-migrations` there with the reason'),
            ];
        });
    },
};
