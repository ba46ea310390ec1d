import { writeFileSync } from 'node:fs';
import type { Report } from '../../lib/audit/report';
import { formatReport, REPORT_FORMATS, type ReportFormat } from './format-report';

/**
 * What the audit:* commands share: the --format check, writing the report, and the exit codes (0: no error-severity finding, 1: errors, 2: could not run).
 */

/** A problem with the command line or its input: reported on stderr, exit 2. */
export class UsageError extends Error {}

export function reportFormat(value: string | undefined): ReportFormat {
  const format = value ?? 'json';
  if (!REPORT_FORMATS.includes(format as ReportFormat)) {
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${format}")`);
  }
  return format as ReportFormat;
}

/** Writes the report to `out`, or to stdout; returns the exit code. */
export function writeReport(report: Report, format: ReportFormat, out: string | undefined): number {
  const output = formatReport(report, format);
  if (out) writeFileSync(out, output);
  else process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  return exitCodeFor(report);
}

export function exitCodeFor(report: Report): number {
  if (report.page.kind === 'unrecognised') {
    console.error(`The extension could not read this builder page: ${report.coverage.notes.join('; ')}`);
    return 2;
  }
  return report.findings.some((finding) => finding.severity === 'error' && finding.kind === 'fail') ? 1 : 0;
}

/** Runs a command's main and exits with its code; anything thrown is "could not run" (2). */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`${name} could not run: ${error.message}`);
      process.exit(2);
    },
  );
}
