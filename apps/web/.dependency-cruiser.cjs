/**
 * The SPA's layout rule (tools/boundaries/rules.cjs explains it), checked by `pnpm nx run web:lint`.
 * A folder (app/, lib/, i18n/, components/ui/, a feature such as features/people/, or one of its
 * subfolders) may import another folder, but never back. When you meet a cycle, move the shared
 * code down (into lib/ or components/), or let the folder above pass a function down (as
 * app/socketEventRouter.ts passes conversations' selector to people).
 */
const { noFolderCycle, typescriptOptions } = require('../../tools/boundaries/rules.cjs');

const src = 'apps/web/src';

module.exports = {
  sources: [src],
  forbidden: [noFolderCycle(src)],
  options: typescriptOptions('apps/web/tsconfig.json'),
};
