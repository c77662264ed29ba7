import { ADDON_WAVES } from '../config/shared/vocabulary.js';
/**
 * Sync waves of the bootstrap Application's own sync (Argo CD syncs a wave once every object of the
 * earlier waves is Healthy): the AppProjects and the `argocd-cm` health checks first (an Application
 * needs its project, and the Application health check is what makes later waves wait), then the
 * add-ons in their declared order (`install.wave` of platform/addons.yaml: CRDs and operators), then
 * each cluster's platform objects, then the environment roots, whose data services and services use
 * the add-ons' custom resources (docs/argocd.md, "Sync waves"; docs/addons.md).
 */
export const BOOTSTRAP_WAVES = {
    projects: -10,
    /** The wave of add-on wave 0; add-on wave `n` is `addons + n`. */
    addons: -9,
    platform: -3,
    environments: -2,
};
/** The bootstrap's sync wave of an add-on of `install.wave` `wave`, as the annotation reads it. */
export function addonWave(wave) {
    return String(BOOTSTRAP_WAVES.addons + wave);
}
// The add-on waves must end before the platform wave, whatever the declaration allows.
if (BOOTSTRAP_WAVES.addons + ADDON_WAVES.last >= BOOTSTRAP_WAVES.platform)
    throw new Error('add-on waves overlap the platform wave');
