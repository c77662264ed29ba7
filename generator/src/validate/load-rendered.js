/**
 * Load → model → render, refusing a configuration whose rendered names the API server or Argo CD
 * would refuse (or that would render one object twice) with configuration errors at the values that
 * make them: what `render`, `validate` and `canary` all start with.
 */
import { readConfig } from '../config/load.js';
import { configFinding, readYamlSource } from '../config/yaml-source.js';
import { UserError } from '../core/errors.js';
import { sortFindings } from '../core/finding.js';
import { buildModel } from '../model/build.js';
import { render } from '../render/index.js';
import { checkDerivedNames } from './derived-names.js';
import { WAIVABLE } from '../policy/ids.js';
/** The render of the configuration under `fs`, or every finding that stands in its way. */
export function readRendered(fs) {
    const { config, findings } = readConfig(fs, { waivable: WAIVABLE });
    if (!config)
        return { value: undefined, findings };
    const model = buildModel(config);
    const rendered = render(model);
    const problems = checkDerivedNames(model, rendered);
    if (problems.length === 0)
        return { value: { config, model, rendered }, findings: [] };
    // Lines are looked up only now: a clean configuration (the usual case) reads nothing twice.
    const sources = new Map();
    const source = (file) => sources.get(file) ?? sources.set(file, readYamlSource(fs, file)).get(file);
    const out = problems.map((p) => configFinding(p.check, p.place.file, source(p.place.file).lineOf(p.place.path, p.place.anchor), p.place.path, p.message, p.hint));
    return { value: undefined, findings: sortFindings(out) };
}
/** Like {@link readRendered}, but throws a {@link UserError} carrying the findings. */
export function loadRendered(fs) {
    const r = readRendered(fs);
    if (!r.value)
        throw new UserError(r.findings);
    return r.value;
}
