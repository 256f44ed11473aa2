// Generates the SPA's REST types (src/lib/api-schema.d.ts) from the API's OpenAPI document, built
// from the API's compiled modules without a server (apps/api/dist/print-openapi.js).
//   node scripts/api-client.mjs          writes the file
//   node scripts/api-client.mjs --check  fails when the committed file differs (CI)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

const web = fileURLToPath(new URL('..', import.meta.url));
const target = `${web}src/lib/api-schema.d.ts`;
const document = execFileSync('node', [`${web}../api/dist/print-openapi.js`], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});

const header =
  "// Generated from the API's OpenAPI document by apps/web/scripts/api-client.mjs: do not edit.\n" +
  '// After changing a route or a DTO: pnpm nx run web:api-client\n';
const generated =
  header +
  astToString(
    await openapiTS(JSON.parse(document), {
      // A default makes a property optional in a request (a DTO the client may leave out), not required.
      defaultNonNullable: false,
    }),
  );
const formatted = await prettier.format(generated, {
  ...(await prettier.resolveConfig(target)),
  filepath: target,
});

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // Missing: differs.
  }
  if (committed !== formatted) {
    console.error(
      "apps/web/src/lib/api-schema.d.ts differs from the API's OpenAPI document: run `pnpm nx run web:api-client` and commit it.",
    );
    process.exit(1);
  }
  console.log("api-schema.d.ts matches the API's OpenAPI document");
} else {
  writeFileSync(target, formatted);
  console.log(`wrote ${target}`);
}
