import { createSchemaValidator } from './validator.js';
/**
 * Micro-benchmark for `npm run bench`: validates `objects` round-robin for about `seconds` and
 * returns objects per second (one core). The first pass is a warm-up that loads every validator.
 */
export function benchSchema(objects, seconds = 2, validator = createSchemaValidator()) {
    if (objects.length === 0)
        return 0;
    const source = { file: 'bench.yaml', line: 1 };
    for (const o of objects)
        validator.validate(o, source);
    let done = 0;
    const start = performance.now();
    const until = start + seconds * 1000;
    let now = start;
    while (now < until) {
        for (const o of objects)
            validator.validate(o, source);
        done += objects.length;
        now = performance.now();
    }
    return Math.round((done * 1000) / (now - start));
}
