/**
 * The policy check catalogue without the checks: ids, severities per tier, and what a waiver may
 * name. The configuration checks (which every `render` runs) need it, and must not pay for loading the
 * rule modules, so `npm run build` writes it from the registry (`RULES` in rules/index.ts) next to
 * this module (scripts/build-policy-catalogue.ts); from the sources (tests), it is read from the
 * registry itself. Adding a rule never touches this file.
 */
import { createRequire } from 'node:module';
/** File name of the catalogue `npm run build` writes beside this module. */
export const CATALOGUE_FILE = 'catalogue.generated.json';
/** The catalogue of a registry: its rules, and as waivable checks the rules and `capacity`. */
export function catalogueOf(rules) {
    return { rules: rules.map((r) => ({ id: r.id, severity: r.severity })), waivable: [...rules.map((r) => r.id), 'capacity'] };
}
function built() {
    try {
        return createRequire(import.meta.url)(`./${CATALOGUE_FILE}`);
    }
    catch {
        return undefined;
    }
}
const CATALOGUE = built() ?? catalogueOf((await import('./rules/index.js')).RULES);
/** The ids of the policy rules, in registry order. */
export const RULE_IDS = CATALOGUE.rules.map((r) => r.id);
/** Every check id that a waiver may name: the rules and `capacity`. */
export const WAIVABLE = CATALOGUE.waivable;
