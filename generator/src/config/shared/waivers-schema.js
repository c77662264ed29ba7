import { Type } from './typebox.js';
import { Struct } from './declare.js';
const Waiver = Struct({
    check: Type.String({ description: 'Check id without `policy/`.', examples: ['image-digest'] }),
    reason: Type.String({ description: 'Why the check does not apply here.', examples: ['the registry does not publish digests yet'] }),
    environments: Type.Optional(Type.Array(Type.String(), { uniqueItems: true, description: 'Only these environments. Default all.', examples: [['prod']] })),
    kind: Type.Optional(Type.String({ description: 'Only objects of this kind. Default all.', examples: ['Deployment'] })),
}, { examples: [{ check: 'image-digest', reason: 'the registry does not publish digests yet' }] });
/** `waivers` (structure only; ids and environments are checked below). Absent means none. */
export const Waivers = Type.Array(Waiver, { description: 'Policy checks waived, each with a written reason (docs/policies.md). Default none.' });
