/**
 * The names of the output formats, without the formats: every command's `--output` choices and its
 * help are built when the CLI starts, and `render`, which prints no report, should not load the five
 * formats to build them (~30 ms). The formats themselves are listed in ./registry.ts, which refuses to
 * load when the two lists differ (so a format added there and not here fails every test that prints).
 */
/** Names accepted by `createFormat` of ./registry.ts (and by every command's `--output`), in the order `--help` lists them; the first is the default. */
export const FORMAT_NAMES = ['text', 'json', 'junit', 'tap', 'sarif'];
