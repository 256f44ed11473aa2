#!/usr/bin/env node
/**
 * `node tools/boundaries/check.mjs <config.cjs>`: cruises the tree the config names (`sources`) with
 * its rules and exits 1 on any violation, printing each (`--json`: the violations as JSON, for the
 * rule set's own tests). The config is a dependency-cruiser configuration plus `sources`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, format } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const json = args.includes('--json');
const configFile = args.find((arg) => !arg.startsWith('--'));
if (!configFile) {
  console.error('usage: check.mjs <config.cjs> [--json]');
  process.exit(2);
}
const { sources, forbidden, options } = require(path.resolve(configFile));
const result = await cruise(sources, { ...options, validate: true, ruleSet: { forbidden } });
const { violations, error } = result.output.summary;
if (json) {
  console.log(
    JSON.stringify(violations.map(({ rule, from, to }) => ({ rule: rule.name, from, to }))),
  );
} else if (error > 0) {
  console.error((await format(result.output, { outputType: 'err' })).output);
} else {
  console.log(`boundaries: ${result.output.summary.totalCruised} modules, no violation`);
}
process.exit(error > 0 ? 1 : 0);
