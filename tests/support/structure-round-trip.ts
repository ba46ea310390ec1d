import type { Page } from '@playwright/test';
import type { Report } from '../../lib/audit/report';
import { exportStructureResponseSchema } from '../../lib/extension/messaging/content-answers';
import type { PageStructure } from '../../lib/structure/export';
import type { ExtensionReports } from './extension-report';
import type { PageMessenger } from './messenger-script';

/**
 * A page's structure export, and how the audit of that export rendered back as a page
 * (scripts/lib/structure-page.ts) compares with the audit of the page itself.
 */

declare const kartraAuditor: PageMessenger['kartraAuditor'];

/** Asks the tab's content script for the structure export, as the popup's button does. */
export async function exportOf(reports: ExtensionReports, page: Page): Promise<PageStructure> {
  await reports.waitFor(page);
  const tabId = await reports.tabIdOf(page);
  const bridge = await reports.bridge();
  const response = exportStructureResponseSchema.parse(
    await bridge.evaluate((id) => kartraAuditor.sendMessage('exportStructure', undefined, id), tabId),
  );
  if (!response.structure) throw new Error(`no structure: ${response.error}`);
  return response.structure;
}

/** The findings to compare between two audits of the same sequence: severity, kind, rule, steps. */
export const findingsOf = (report: Report) =>
  report.findings.map((f) => `${f.severity} ${f.kind} ${f.ruleId} [${f.steps.join(' ')}]`).sort();

/**
 * Rules whose answer rests on a text the export masks whole, so that the rendered page (which
 * leaves such fields out) answers "needs review" where the page itself answered: the subject of
 * an email (masked: email-no-subject cannot tell a subject from none, except an empty one, which
 * stays empty) and the internal and public names (public-name-weak).
 */
export const READS_MASKED_TEXT = new Set(['email-no-subject', 'public-name-weak']);

/**
 * What differs between the page's findings and the rendered export's, other than a rule of
 * READS_MASKED_TEXT saying "needs review": anything here is a finding the export lost or made up.
 */
export function unexplainedDifferences(live: Report, rendered: Report): string[] {
  const before = findingsOf(live);
  const after = findingsOf(rendered);
  const masked = (finding: string) => READS_MASKED_TEXT.has(finding.split(' ')[2] ?? '');
  const reviewed = (finding: string) => {
    const [, , ruleId, ...steps] = finding.split(' ');
    return after.some(
      (f) => f === finding || f === `${finding.split(' ')[0]} review ${ruleId} ${steps.join(' ')}`,
    );
  };
  return [
    ...before.filter((f) => !after.includes(f) && !(masked(f) && reviewed(f))).map((f) => `lost: ${f}`),
    ...after
      .filter((f) => !before.includes(f) && !(masked(f) && f.split(' ')[1] === 'review'))
      .map((f) => `new: ${f}`),
  ];
}
