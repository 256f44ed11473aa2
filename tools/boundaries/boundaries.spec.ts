import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Runs check.mjs (what lint runs) on one fixture tree; its exit code and the violations it found. */
function check(fixture: string) {
  const run = spawnSync(
    process.execPath,
    ['tools/boundaries/check.mjs', 'tools/boundaries/fixtures/boundaries.cjs', '--json'],
    { cwd: root, env: { ...process.env, BOUNDARIES_FIXTURE: fixture }, encoding: 'utf8' },
  );
  if (run.status === null || run.status > 1) throw new Error(run.stderr);
  const violations = JSON.parse(run.stdout) as { rule: string; from: string; to: string }[];
  return { failed: run.status === 1, violations };
}

const src = (fixture: string) => `tools/boundaries/fixtures/${fixture}/src`;

describe('the layout rules (tools/boundaries)', () => {
  it('pass a tree whose folders form a stack and whose kernel imports no feature', () => {
    expect(check('clean')).toEqual({ failed: false, violations: [] });
  });

  it('fail two folders that import each other, though no file is in a cycle', () => {
    const { failed, violations } = check('folder-cycle');
    expect(failed).toBe(true);
    expect(violations).toContainEqual({
      rule: 'no-folder-cycle',
      from: `${src('folder-cycle')}/alerts`,
      to: `${src('folder-cycle')}/people`,
    });
    expect(violations.every((v) => v.rule === 'no-folder-cycle')).toBe(true);
  });

  it('fail the realtime kernel importing a feature', () => {
    const { failed, violations } = check('kernel-imports-feature');
    expect(failed).toBe(true);
    expect(violations).toEqual([
      {
        rule: 'realtime-imports-no-feature',
        from: `${src('kernel-imports-feature')}/realtime/connection.ts`,
        to: `${src('kernel-imports-feature')}/people/presence.ts`,
      },
    ]);
  });
});
