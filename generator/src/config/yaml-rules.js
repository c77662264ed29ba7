/**
 * What a config file may hold beyond YAML syntax, checked on the composed document before it is turned
 * into plain data: no aliases, string keys, no merge keys and only the YAML 1.2 core schema's tags.
 *
 * Tags are refused because they change what a value is without showing it: `settings: !!omap [...]`
 * made the settings an ordered-pair list that the rest of the loader read as an empty mapping, and a
 * prod Rollout silently became a Deployment. The core tags are accepted when they describe the value
 * they carry (`!!str 123` is the string "123"), since that is all they can do.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { formatPath } from '../core/finding.js';
const CORE = 'tag:yaml.org,2002:';
/** The YAML 1.2 core schema's tags, each with the values it may carry. */
const coreTags = {
    str: { fits: (n) => isScalar(n) && typeof n.value === 'string', expected: 'a string', example: 'the text in quotes: `"text"`' },
    int: { fits: (n) => isScalar(n) && (Number.isInteger(n.value) || typeof n.value === 'bigint'), expected: 'an integer', example: 'a whole number: `3`' },
    float: { fits: (n) => isScalar(n) && typeof n.value === 'number', expected: 'a number', example: 'a number: `1.5`' },
    bool: { fits: (n) => isScalar(n) && typeof n.value === 'boolean', expected: '`true` or `false`', example: '`true` or `false`' },
    null: { fits: (n) => isScalar(n) && n.value === null, expected: 'null', example: 'nothing, or `null`' },
    map: { fits: (n) => isMap(n), expected: 'a mapping', example: '`key: value` lines' },
    seq: { fits: (n) => isSeq(n), expected: 'a list', example: 'a list: `[a, b]`' },
};
const ALLOWED = Object.keys(coreTags).map((t) => `\`!!${t}\``).join(', ');
/** How to do without a refused tag, for the tags people actually try. */
const refusedHints = {
    omap: 'write a plain mapping, one `key: value` per line without `- `: an ordered map is a list of pairs, not a mapping, so its keys would be lost',
    pairs: 'write a plain mapping, one `key: value` per line without `- `: a list of pairs is not a mapping, so its keys would be lost',
    set: 'write a list: `[a, b]`',
    binary: 'write the value as a quoted string',
    timestamp: 'quote the date or time: `"2027-03-01T18:00:00+08:00"`',
    merge: 'write the keys out in full',
};
/** A tag as it is written: `!!omap`, `!local`, or `!<tag:example.com,2000:x>`. */
function shownTag(tag) {
    if (tag.startsWith(CORE))
        return `!!${tag.slice(CORE.length)}`;
    return tag.startsWith('!') ? tag : `!<${tag}>`;
}
/**
 * Walks the document and reports every alias (each name once, where first used), non-string key,
 * merge key and tag outside the core schema, and every core tag on a value it does not describe.
 */
export function checkYamlRules(root, lines, refuse) {
    const seenAliases = new Set();
    const lineOf = (n) => (n.range ? lines.linePos(n.range[0]).line : 1);
    /** Reports a bad tag on `n`; returns whether there was one. */
    const badTag = (n, line, p) => {
        const tag = n.tag;
        if (tag === undefined)
            return false;
        const shown = shownTag(tag);
        const where = p.length > 0 ? `\`${formatPath(p)}\`` : 'the file';
        const core = tag.startsWith(CORE) ? coreTags[tag.slice(CORE.length)] : undefined;
        if (core?.fits(n))
            return false;
        if (core) {
            refuse('yaml-tag', line, p, `${where} is tagged \`${shown}\` but is not ${core.expected}`, `remove \`${shown}\` and write ${core.example}`);
        }
        else {
            const hint = tag === '!' ? 'remove the `!`; quote the value if it must be a string' : `remove \`${shown}\` and ${refusedHints[tag.slice(CORE.length)] ?? 'write a plain value, quoted if it must be a string'}`;
            refuse('yaml-tag', line, p, `${where} has the YAML tag \`${shown}\`; config accepts only the YAML 1.2 core tags ${ALLOWED}`, hint);
        }
        return true;
    };
    const visit = (n, p, line) => {
        if (isAlias(n)) {
            if (seenAliases.has(n.source))
                return;
            seenAliases.add(n.source);
            refuse('alias', lineOf(n), p, `YAML alias \`*${n.source}\` is not allowed in config`, 'write the value out in full; anchors and aliases are refused so that every value is visible where it applies');
            return;
        }
        if (!n || typeof n !== 'object' || badTag(n, line, p))
            return;
        if (isMap(n)) {
            for (const { key, value } of n.items) {
                const keyLine = key && typeof key === 'object' ? lineOf(key) : lineOf(n);
                const keyValue = isScalar(key) ? key.value : undefined;
                const shown = isScalar(key) ? String(key.source ?? key.value) : 'a collection';
                if (isScalar(key) && badTag(key, keyLine, [...p, shown]))
                    continue;
                if (keyValue === '<<') {
                    refuse('merge-key', keyLine, [...p, '<<'], `${p.length > 0 ? `\`${formatPath(p)}\` uses` : 'the file uses'} the merge key \`<<\`, which config does not accept`, 'write the keys out in full: YAML 1.2 has no merge keys, and readers disagree about them (Kubernetes tools merge, others keep a key named `<<`)');
                    continue;
                }
                if (typeof keyValue !== 'string') {
                    refuse('type', keyLine, p, `the key \`${shown}\`${p.length > 0 ? ` in \`${formatPath(p)}\`` : ''} must be a string`, isScalar(key) ? `quote it if it is meant literally: \`"${shown}":\`` : 'use a plain name as key');
                    continue;
                }
                visit(value, [...p, keyValue], keyLine);
            }
        }
        else if (isSeq(n)) {
            n.items.forEach((item, i) => visit(item, [...p, i], item && typeof item === 'object' ? lineOf(item) : line));
        }
    };
    visit(root, [], root && typeof root === 'object' ? lineOf(root) : 1);
}
