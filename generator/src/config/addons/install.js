import { Reporter, isRaw, q } from '../shared/checks.js';
import { ADDON_WAVES } from '../shared/vocabulary.js';
/**
 * An exact chart version (`0.29.0`, `v1.21.1`): a range (`^0.29`, `0.x`, `*`) would let the chart
 * repository move the add-on under the pin.
 */
const CHART_VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?$/;
/** The declared wave of a raw install (the schema's default when left out). */
function waveOf(install) {
    return typeof install.wave === 'number' ? install.wave : ADDON_WAVES.first;
}
/**
 * Checks every `install:` of `platform/addons.yaml`; `clusters` are the cluster names
 * (`clusters/<name>/`) an add-on may be limited to.
 */
export function checkAddonInstalls(f, clusters, out) {
    const list = f.data.addons;
    if (!Array.isArray(list))
        return;
    const r = new Reporter(f.source, out);
    const byName = new Map();
    for (const a of list)
        if (isRaw(a) && typeof a.name === 'string')
            byName.set(a.name, isRaw(a.install) ? a.install : undefined);
    list.forEach((a, n) => {
        if (!isRaw(a) || !isRaw(a.install))
            return;
        const install = a.install;
        const at = (...p) => ['addons', n, 'install', ...p];
        const sources = ['chart', 'git'].filter((k) => install[k] !== undefined);
        if (sources.length !== 1) {
            const found = sources.length === 0 ? 'neither `chart` nor `git`' : 'both `chart` and `git`';
            r.report('install-source', at(), `${q(at())} has ${found}; an add-on is installed from exactly one source`, 'give `chart: {repoURL, name, version}` for a Helm chart, or `git: {repoURL, path}` for a kustomization of the upstream repository at the pinned tag', 'key');
        }
        if (isRaw(install.chart) && typeof install.chart.version === 'string' && !CHART_VERSION.test(install.chart.version)) {
            r.report('chart-version', at('chart', 'version'), `${q(at('chart', 'version'))} is ${JSON.stringify(install.chart.version)}, not an exact chart version`, 'pin the chart version whose `appVersion` is the pinned `version`, e.g. `version: 0.29.0` (a range would move under the pin)');
        }
        if (isRaw(install.git) && install.chart === undefined && install.values !== undefined && isRaw(install.values) && Object.keys(install.values).length > 0) {
            r.report('install-values', at('values'), `${q(at('values'))} is set, but \`git\` installs read no Helm values`, 'remove `values`, or install from the chart', 'key');
        }
        const wave = waveOf(install);
        if (typeof install.wave === 'number' && (wave < ADDON_WAVES.first || wave > ADDON_WAVES.last)) {
            r.report('wave', at('wave'), `${q(at('wave'))} is ${wave}, outside ${ADDON_WAVES.first} to ${ADDON_WAVES.last}`, `choose a wave from ${ADDON_WAVES.first} (first) to ${ADDON_WAVES.last}: the add-ons sync after the AppProjects and before the environments`);
        }
        if (Array.isArray(install.dependsOn)) {
            install.dependsOn.forEach((d, i) => {
                if (typeof d !== 'string')
                    return;
                const path = at('dependsOn', i);
                if (!byName.has(d)) {
                    r.report('addon-dependency', path, `${q(path)} names \`${d}\`, which is no add-on of this file`, `pin it in \`addons\` with an \`install:\`, or remove it from \`dependsOn\``);
                    return;
                }
                const dep = byName.get(d);
                if (dep === undefined) {
                    r.report('addon-dependency', path, `${q(path)} names \`${d}\`, which has no \`install:\`: Argo CD cannot order \`${String(a.name)}\` after it`, `give \`${d}\` an \`install:\`, or remove it from \`dependsOn\``);
                }
                else if (waveOf(dep) >= wave) {
                    r.report('addon-dependency', path, `\`${String(a.name)}\` (wave ${wave}) depends on \`${d}\` (wave ${waveOf(dep)}), which does not sync before it`, `give \`${String(a.name)}\` a wave above ${waveOf(dep)}: Argo CD syncs a wave only once every earlier one is Healthy`);
                }
            });
        }
        if (Array.isArray(install.clusters)) {
            install.clusters.forEach((c, i) => {
                if (typeof c === 'string' && !clusters.includes(c)) {
                    r.report('unknown-cluster', at('clusters', i), `${q(at('clusters', i))} is \`${c}\`, which is no cluster (clusters: ${clusters.join(', ') || 'none'})`, 'name a folder of `clusters/`, or leave `clusters` out to install it on every cluster');
                }
            });
        }
    });
}
