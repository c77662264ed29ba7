import { formatPath } from '../../core/finding.js';
import { labelValue, qualifiedName, quantityUnit } from './grammar.js';
import { nearestNames } from './suggest.js';
import { N_ARRAY, N_MAP, N_OBJECT, N_QUANTITY } from './schema-table.js';
/**
 * Walks an object against the known-field tree: the `-strict` part (every unknown field), plus the
 * label/annotation grammar and quantity units. Types, enums and formats are left to the compiled
 * validators, so a value of the wrong shape is simply not walked into.
 *
 * One walker is reused for every object: the path is a stack, and findings are allocated only when
 * something is wrong.
 */
export class StrictWalker {
    table;
    quantityUnits;
    path = [];
    out = [];
    ctx = { file: '', object: '' };
    /** `quantities`: check quantity units (a semantic check, left out by `validate PATH --schema-only`). */
    constructor(table, quantityUnits = true) {
        this.table = table;
        this.quantityUnits = quantityUnits;
    }
    /** Walks `value` from `root` and appends findings to `out`. */
    run(value, root, ctx, out) {
        this.ctx = ctx;
        this.out = out;
        this.path.length = 0;
        this.walk(value, root);
    }
    walk(value, node) {
        if (value === null || typeof value !== 'object')
            return;
        const path = this.path;
        const kind = node.kind;
        if (kind === N_OBJECT) {
            if (Array.isArray(value))
                return;
            const fields = node.fields ?? this.table.fields(node);
            const rec = value;
            for (const key in rec) {
                let child = fields.get(key);
                if (child === undefined) {
                    if (node.item === null) {
                        this.unknown(key, node);
                        continue;
                    }
                    child = node.item;
                }
                if (child.kind >= N_OBJECT) {
                    path.push(key);
                    this.walk(rec[key], child);
                    path.pop();
                }
            }
        }
        else if (kind === N_ARRAY) {
            if (!Array.isArray(value))
                return;
            if (node.mapKeys !== null && value.length > 1)
                this.uniqueKeys(value, node.mapKeys);
            const item = node.item;
            if (item.kind < N_OBJECT)
                return;
            for (let i = 0; i < value.length; i++) {
                path.push(i);
                this.walk(value[i], item);
                path.pop();
            }
        }
        else if (kind === N_MAP) {
            if (Array.isArray(value))
                return;
            const item = node.item;
            const rec = value;
            if (node.labels)
                this.labels(rec);
            else if (node.annotations)
                this.annotationKeys(rec);
            else if (item.kind === N_QUANTITY) {
                if (this.quantityUnits)
                    this.quantities(rec);
            }
            else if (item.kind >= N_OBJECT) {
                for (const key in rec) {
                    path.push(key);
                    this.walk(rec[key], item);
                    path.pop();
                }
            }
        }
    }
    /**
     * `x-kubernetes-list-type: map`: no two items may have the same values of the key fields (a missing
     * key counts as its own value), as the API server checks
     * (kubernetes/apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go:134-186 @ v0.36.3).
     */
    uniqueKeys(list, keys) {
        const seen = new Map();
        list.forEach((item, i) => {
            if (item !== null && (typeof item !== 'object' || Array.isArray(item)))
                return; // a type error, ajv's to report
            const rec = (item ?? {});
            const id = keys.map((k) => (k in rec ? JSON.stringify(rec[k]) : '-')).join('\0');
            const first = seen.get(id);
            if (first === undefined) {
                seen.set(id, i);
                return;
            }
            const shown = keys.map((k) => `${k}=${k in rec ? JSON.stringify(rec[k]) : '(unset)'}`).join(', ');
            this.add('schema/duplicate', 'error', i, `duplicate entry: ${shown} is already used by item [${first}]`, `each item of this list needs its own ${keys.join(' and ')} (x-kubernetes-list-type: map); merge or rename the duplicates`);
        });
    }
    unknown(key, node) {
        const near = nearestNames(key, node.names);
        const shown = node.names.length > 40 ? [...node.names.slice(0, 40), '…'] : node.names;
        this.add('schema/unknown-field', 'error', key, near.length > 0
            ? `unknown field "${key}", did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`
            : `unknown field "${key}"`, `known fields here: ${shown.join(', ')}`);
    }
    labels(rec) {
        for (const key in rec) {
            const value = rec[key];
            // Templated keys and values (ApplicationSet, Helm) are checked after rendering, not here.
            if (key.includes('{{'))
                continue;
            const badKey = qualifiedName(key);
            if (badKey) {
                this.add('schema/label', 'error', key, `label key "${key}" ${badKey}`, 'label keys look like "app.kubernetes.io/name" or "tier"');
            }
            if (typeof value === 'string' && !value.includes('{{')) {
                const badValue = labelValue(value);
                if (badValue) {
                    this.add('schema/label', 'error', key, `label value "${value}" ${badValue}`, 'put free text in an annotation instead of a label');
                }
            }
        }
    }
    annotationKeys(rec) {
        for (const key in rec) {
            if (key.includes('{{'))
                continue;
            const bad = qualifiedName(key);
            if (bad)
                this.add('schema/label', 'error', key, `annotation key "${key}" ${bad}`, 'annotation keys look like "example.com/owner"');
        }
    }
    quantities(rec) {
        for (const key in rec) {
            const value = rec[key];
            if (typeof value !== 'string')
                continue;
            const bad = quantityUnit(key, value);
            if (bad)
                this.add('schema/quantity-unit', bad.severity, key, bad.message, bad.hint);
        }
    }
    add(check, severity, last, message, hint) {
        const f = {
            check,
            severity,
            file: this.ctx.file,
            object: this.ctx.object,
            path: formatPath([...this.path, last]),
            message,
        };
        if (this.ctx.line !== undefined)
            f.line = this.ctx.line;
        if (hint !== undefined)
            f.hint = hint;
        this.out.push(f);
    }
}
