/**
 * The SPA's folder rule, checked by `pnpm nx run web:lint` (dependency-cruiser,
 * https://github.com/sverweij/dependency-cruiser).
 *
 * A folder (app/, lib/, i18n/, components/ui/, a feature such as features/people/, or one of its
 * subfolders) may import another folder, but never back: no import cycle between folders. A cycle
 * means the two folders can only be understood, tested or removed together. When you meet one,
 * move the shared code down (into lib/ or components/), or let the folder above pass a function
 * down (as app/socketEventRouter.ts passes conversations' selector to people).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment:
        'Folders import each other in one direction only. Read the cycle printed below from left to right: each arrow is an import; break one of them.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count: a type tells as much about a folder's neighbours as a value does.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // The source only; tests may reach across folders to set a scene.
    includeOnly: '^src/',
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
