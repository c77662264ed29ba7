/**
 * The rendered alert routing of each cluster (render/alerting.ts): where it goes and how it is
 * labelled, and that every Secret key the AlertmanagerConfig reads is one its ExternalSecret writes.
 */
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';
const rendered = renderOf(REPO_ROOT);
const folder = (cluster) => rendered.targets.find((t) => t.path === `clusters/${cluster}/alerting`);
const app = (cluster) => rendered.targets.flatMap((t) => t.objects).find((o) => o.kind === 'Application' && o.metadata.name === `alerting-${cluster}`);
/** Every `{name, key}` Secret reference under `v`. */
function secretRefs(v) {
    if (Array.isArray(v))
        return v.flatMap(secretRefs);
    if (typeof v !== 'object' || v === null)
        return [];
    return Object.entries(v).flatMap(([k, x]) => ((k === 'urlSecret' || k === 'authPassword') && typeof x === 'object' ? [x] : secretRefs(x)));
}
describe.each(['dev', 'staging', 'prod'])('the alerting of %s', (cluster) => {
    const objects = folder(cluster).objects;
    const byKind = (kind) => objects.find((o) => o.kind === kind);
    it('is an AlertmanagerConfig and an ExternalSecret in the monitoring namespace, labelled for the cluster\'s Alertmanager', () => {
        expect(objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`).sort()).toEqual(['AlertmanagerConfig monitoring/suoke-alerting', 'ExternalSecret monitoring/alerting-receivers']);
        for (const o of objects)
            expect(o.metadata.labels).toMatchObject({ release: 'kube-prometheus-stack', team: 'suoke-life' });
    });
    it('is synced by alerting-<cluster> into the monitoring namespace of that cluster', () => {
        const spec = app(cluster).spec;
        expect(spec.destination.namespace).toBe('monitoring');
        expect(spec.source.path).toBe(`clusters/${cluster}/alerting`);
    });
    it('reads only Secret keys its ExternalSecret writes, each from a store key of the cluster', () => {
        const written = byKind('ExternalSecret').spec['data'];
        const refs = secretRefs(byKind('AlertmanagerConfig').spec);
        expect(refs.length).toBeGreaterThan(0);
        for (const r of refs) {
            expect(r.name).toBe('alerting-receivers');
            expect(written.map((w) => w.secretKey)).toContain(r.key);
        }
        for (const w of written)
            expect(w.remoteRef.key).toMatch(new RegExp(`^suoke/(${cluster === 'dev' ? 'dev|test' : cluster})/alerting/`));
    });
});
it('a cluster without `alerting` renders no alerting folder', () => {
    expect(renderOf(`${REPO_ROOT}/generator/test/fixtures/platform`).targets.some((t) => t.path.endsWith('/alerting'))).toBe(false);
});
