/**
 * The catalogue of documented checks the output formats describe (SARIF's rules): the policy rules at
 * their production severity, the policy engine's own checks, the change-window checks, the add-on checks
 * and the YAML checks.
 */
import { ENGINE_CHECKS, RULES } from '../policy/rules/index.js';
import { WINDOW_CHECKS } from '../windows/checks.js';
import { ADDON_CHECKS } from './addon-checks.js';
import { YAML_CHECKS } from './yaml-checks.js';
export function checkCatalogue() {
    const out = [];
    for (const r of RULES) {
        const s = r.severity.production;
        out.push({ id: `policy/${r.id}`, description: r.description, doc: 'docs/policies.md', ...(s !== 'off' ? { severity: s } : {}) });
    }
    for (const c of ENGINE_CHECKS)
        out.push({ id: `policy/${c.id}`, description: c.description, doc: 'docs/policies.md' });
    for (const c of WINDOW_CHECKS) {
        const s = c.severity;
        out.push({ id: `windows/${c.id}`, description: c.description, doc: 'docs/change-windows.md', ...(s === 'error' || s === 'warning' ? { severity: s } : {}) });
    }
    for (const c of ADDON_CHECKS)
        out.push({ id: `addons/${c.id}`, description: c.description, doc: 'docs/addons.md', severity: c.severity });
    for (const c of YAML_CHECKS)
        out.push({ id: `yaml/${c.id}`, description: c.description, doc: 'docs/yaml.md', severity: c.severity });
    return out;
}
