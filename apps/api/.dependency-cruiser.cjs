/**
 * The API's layout rules (tools/boundaries/rules.cjs explains each), checked by `pnpm nx run api:lint`.
 * Paths are from the workspace root, where lint runs.
 */
const {
  noFolderCycle,
  kernelImportsNoFeature,
  typescriptOptions,
} = require('../../tools/boundaries/rules.cjs');

const src = 'apps/api/src';
/** Folders that hold no product feature: what every feature and the kernels may import. */
const infrastructure = ['config', 'redis', 'database'];

module.exports = {
  sources: [src],
  forbidden: [
    noFolderCycle(src),
    // The socket kernel: auth, conversations, presence plug in through socket-plugins.ts.
    kernelImportsNoFeature(src, 'realtime', ['common', ...infrastructure]),
    // Validation, errors, the caller's identity: shared by all, so it can depend on none of them.
    kernelImportsNoFeature(src, 'common', infrastructure),
  ],
  options: {
    ...typescriptOptions('apps/api/tsconfig.json'),
    // Tests sit beside the code they test and reach into test/ for their harness: they are no
    // folder of the layout (nothing imports them), so they cannot tie two folders together.
    exclude: { path: '\\.(medium-)?spec\\.ts$' },
  },
};
