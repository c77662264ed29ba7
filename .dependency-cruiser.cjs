/**
 * The layering of generator/src (issue 10), checked by `npm run lint:shape` and by
 * generator/test/architecture/layering.test.ts.
 *
 * A folder may import only folders on a LOWER layer (not its neighbours on the same layer), and no
 * module may take part in an import cycle. Type-only imports count: a circle made of types is still
 * a circle. generator/scripts, generator/bench and generator/test may import anything.
 *
 * To change the architecture, edit LAYERS (bottom first) or ONLY_IMPORTS; nothing else. Dead exports
 * have their own known list: `ignoreIssues` in knip.json.
 */

/** Bottom → top. Folders on one line are neighbours: they may not import each other. */
const LAYERS = [
  ['core', 'time'], // leaves: import nothing of ours
  ['config'],
  ['model'],
  ['render', 'windows', 'kustomize', 'report'],
  ['argo', 'policy', 'write'],
  ['simulate'],
  ['validate'],
  ['canary', 'stage', 'review'],
  ['cli'],
];

/** Folders allowed fewer imports than their layer gives them. */
const ONLY_IMPORTS = {
  report: ['core'], // formats receive the check catalogue as data
};

/**
 * ============================== KNOWN EXCEPTIONS ==============================
 * Being removed by issue 10; each is tolerated until its owner's change lands. Empty these lists;
 * never add to them. (write → render, canary → render and windows → model run downwards: allowed.)
 */
const KNOWN = {
  /** Folder imports [from, to] that break LAYERS. */
  upward: [],
  /** Module import cycles, as one file each cycle passes. */
  cycles: [],
};
/* ============================================================================ */

const SRC = 'generator/src';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const folderRe = (names) => `^${escape(SRC)}/(${names.join('|')})/`;

/** The folders `folder` may import (its own excluded: a folder may always import itself). */
function allowedImports(folder) {
  const layer = LAYERS.findIndex((l) => l.includes(folder));
  const below = LAYERS.slice(0, layer).flat();
  const only = ONLY_IMPORTS[folder];
  return only ? below.filter((f) => only.includes(f)) : below;
}

const layeringRules = LAYERS.flat().map((folder) => {
  const allowed = [folder, ...allowedImports(folder), ...KNOWN.upward.filter(([from]) => from === folder).map(([, to]) => to)];
  return {
    name: `layering:${folder}`,
    comment: `${folder}/ may import only ${allowedImports(folder).join(', ') || 'nothing of ours'} (see LAYERS in .dependency-cruiser.cjs)`,
    severity: 'error',
    from: { path: folderRe([folder]) },
    to: { path: `^${escape(SRC)}/`, pathNot: folderRe(allowed) },
  };
});

/**
 * The configuration's declarations (issue 10): `schema.ts`, `<area>-schema.ts` and `schemas.ts` under
 * config/ (also editor-schemas.ts), and the TypeBox forms they use. They are evaluated at build time
 * (the precompiled validators, `npm run schemas`) and by the tests; `render` and `validate` import only
 * their types, so that neither loads TypeBox (~200 modules, ~0.1 s per command).
 */
const DECLARATIONS = [`^${escape(SRC)}/config/[a-z/-]*schemas?\\.ts$`, `^${escape(SRC)}/config/shared/(declare|typebox)\\.ts$`];
const TYPEBOX = '(^|/)@sinclair/typebox(/|$)';
/** The one module that may import the declarations dynamically: it compiles them when no precompiled validators exist (tests). */
const COMPILES_DECLARATIONS = `^${escape(SRC)}/config/structure\\.ts$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layeringRules,
    {
      name: 'declarations:build-time-only',
      comment: 'run-time modules import only the types of the config declarations and of TypeBox (see DECLARATIONS in .dependency-cruiser.cjs)',
      severity: 'error',
      from: { path: `^${escape(SRC)}/`, pathNot: DECLARATIONS },
      to: { path: [...DECLARATIONS, TYPEBOX], dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'declarations:compiled-in-one-place',
      comment: 'only config/structure.ts imports the declarations dynamically, to compile them when running from the sources',
      severity: 'error',
      from: { path: `^${escape(SRC)}/`, pathNot: [...DECLARATIONS, COMPILES_DECLARATIONS] },
      to: { path: [...DECLARATIONS, TYPEBOX], dependencyTypes: ['dynamic-import'] },
    },
    {
      name: 'layering:unknown-folder',
      comment: `every folder of ${SRC} has a place in LAYERS (.dependency-cruiser.cjs)`,
      severity: 'error',
      from: { path: `^${escape(SRC)}/`, pathNot: [folderRe(LAYERS.flat()), `^${escape(SRC)}/[^/]+$`] },
      to: {},
    },
    {
      name: 'layering:src-imports-tooling',
      comment: `${SRC} imports nothing from generator/scripts, generator/bench or generator/test`,
      severity: 'error',
      from: { path: `^${escape(SRC)}/` },
      to: { path: '^generator/(scripts|bench|test)/' },
    },
    {
      name: 'no-circular',
      comment: 'no module takes part in an import cycle (type-only imports count)',
      severity: 'error',
      from: { path: `^${escape(SRC)}/`, pathNot: KNOWN.cycles.map((f) => `^${escape(f)}$`) },
      to: { circular: true, viaNot: KNOWN.cycles.map((f) => `^${escape(f)}$`) },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
