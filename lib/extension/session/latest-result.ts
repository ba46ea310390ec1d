import type { Report } from '../../audit/report';
import type { AuditResult } from '../messaging/messages';

type Audited = Extract<AuditResult, { error: null }>;

export interface LatestResult {
  get(): AuditResult | null;
  set(result: AuditResult): void;
  /**
   * `result` with its report's timeline: worked out on the first ask after each audit, then kept
   * until the next audit replaces the result (the popup asks again and again while open).
   */
  withTimeline(result: AuditResult): AuditResult;
}

/** The audit session's latest result; `timeline` gives a successful result's report its timeline. */
export function latestResult(timeline: (result: Audited) => Report): LatestResult {
  let latest: AuditResult | null = null;
  let timelined: { of: AuditResult; result: AuditResult } | null = null;
  return {
    get: () => latest,
    set(result) {
      latest = result;
    },
    withTimeline(result) {
      if (result.error !== null) return result;
      if (timelined?.of !== result)
        timelined = { of: result, result: { ...result, report: timeline(result) } };
      return timelined.result;
    },
  };
}
