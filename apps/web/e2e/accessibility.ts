import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

// The accessibility check every browser test runs on each page it shows: axe-core's WCAG 2.x
// A/AA rules and its best practices, in the page as the user sees it at that moment.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

// WCAG 2.5.3 (label in name: a button's accessible name contains its visible text) is still an
// "experimental" rule in axe, off unless asked for by id.
const EXTRA_RULES = ['label-content-name-mismatch'];

// Failing impacts. "region" (content outside every landmark) is only "moderate" for axe, but a
// screen-reader user who jumps by landmarks never reaches such content: it fails too.
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const ALWAYS_FAILING_RULES = new Set(['region']);

/** Every violation axe finds on the page, whatever its impact. */
export async function accessibilityViolations(page: Page): Promise<Result[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(EXTRA_RULES.map((id) => [id, { enabled: true }])) })
    .withTags(TAGS)
    .analyze();
  return results.violations;
}

export function isFailing(violation: Result): boolean {
  return FAILING_IMPACTS.has(violation.impact ?? '') || ALWAYS_FAILING_RULES.has(violation.id);
}

/** One line per element in violation: what rule, how bad, where, and how to fix it. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `- ${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}` +
          `\n    ${node.html.slice(0, 200)}` +
          `\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}` +
          `\n    ${violation.helpUrl}`,
      ),
    )
    .join('\n');
}

/**
 * Fails when the page has a serious or critical accessibility violation (or content outside
 * every landmark), listing each element with the rule, its selector and the fix axe suggests.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const failing = (await accessibilityViolations(page)).filter(isFailing);
  if (failing.length === 0) return;
  const count = failing.reduce((sum, violation) => sum + violation.nodes.length, 0);
  const width = page.viewportSize()?.width;
  throw new Error(
    `${count} element(s) in accessibility violation on ${label} (${width} px, ${page.url()}):\n` +
      describeViolations(failing),
  );
}
