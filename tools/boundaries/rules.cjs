/**
 * The layout rules every app's source tree keeps (STYLE.md, DESIGN invariant 12), written once for
 * dependency-cruiser. Each app's `.dependency-cruiser.cjs` calls them with its own source root, and
 * `pnpm nx run <app>:lint` fails on a violation. `check.mjs` runs them; `boundaries.spec.ts` proves
 * on small fixture trees that each rule catches what it is for.
 */

/** A path pattern for the folder `name` directly under `src` (a regex string, as dependency-cruiser takes). */
const folder = (src, name) => `^${src}/${name}/`;

/**
 * No cycle between folders. A file-level cycle check misses the harm: with `a/x` importing `b/y`
 * and `b/z` importing `a/w`, no file is in a cycle, yet neither folder can be understood, tested or
 * deleted without the other. Every folder (each feature, and folders inside one) must sit on one
 * level of a stack: it may import the folders below it, never one that imports it back.
 */
function noFolderCycle(src) {
  return {
    name: 'no-folder-cycle',
    comment:
      'Folders import each other in a cycle. Move what both need into a folder both can import ' +
      '(see docs/architecture.md), or let the lower one offer a hook the upper one plugs into.',
    severity: 'error',
    scope: 'folder',
    from: { path: `^${src}/` },
    to: { circular: true },
  };
}

/**
 * A kernel folder (the API's `realtime/`, `common/`) imports no feature: features plug into it
 * (providers it discovers), so a feature is added or deleted without touching the kernel, and the
 * kernel can be read and tested alone. It may import only itself and the infrastructure folders.
 */
function kernelImportsNoFeature(src, kernel, infrastructure) {
  const allowed = [kernel, ...infrastructure].join('|');
  return {
    name: `${kernel}-imports-no-feature`,
    comment:
      `${kernel}/ is a kernel: it imports no feature folder, only ${infrastructure.join(', ')}. ` +
      'Let the feature plug in (a provider the kernel discovers) instead of importing it.',
    severity: 'error',
    from: { path: folder(src, kernel) },
    to: { path: `^${src}/`, pathNot: `^${src}/(${allowed})/` },
  };
}

/**
 * What dependency-cruiser needs to read a TypeScript tree: type-only imports count too (a type
 * tells as much about a folder's neighbours as a value does). Tests are left out: they may reach
 * across folders (and into the test helpers) to set a scene.
 */
function typescriptOptions(tsConfig) {
  return {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(spec|medium-spec|test)\\.tsx?$' },
    ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : {}),
  };
}

module.exports = { noFolderCycle, kernelImportsNoFeature, typescriptOptions };
