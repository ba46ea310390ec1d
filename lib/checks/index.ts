import { rule as changesNotSaved } from './changes-not-saved';
import { rule as completeBlocksReentry } from './complete-blocks-reentry';
import { rule as dateInPast } from './date-in-past';
import { rule as dateSpecificStep } from './date-specific-step';
import { rule as dateStepReachedLate } from './date-step-reached-late';
import { rule as editingLiveSequence } from './editing-live-sequence';
import { rule as emailBurst } from './email-burst';
import { rule as emailNoSubject } from './email-no-subject';
import { rule as freshTestAddress } from './fresh-test-address';
import { rule as gotoTargetMissing } from './goto-target-missing';
import { rule as instantLoop } from './instant-loop';
import { rule as noStartingRule } from './no-starting-rule';
import { rule as pathWithoutEnding } from './path-without-ending';
import { rule as pauseResetsDelays } from './pause-resets-delays';
import { rule as publicNameWeak } from './public-name-weak';
import { rule as recipientsFiltered } from './recipients-filtered';
import { rule as rulesNotRetroactive } from './rules-not-retroactive';
import { rule as sequencePaused } from './sequence-paused';
import { rule as splitBranchOpen } from './split-branch-open';
import { rule as startNotConnected } from './start-not-connected';
import { rule as stepInactive } from './step-inactive';
import { rule as stepNotConnected } from './step-not-connected';
import { rule as stepNumbersNotOrder } from './step-numbers-not-order';
import { rule as stepUnreachable } from './step-unreachable';
import { rule as subsequenceNeverEntered } from './subsequence-never-entered';
import { rule as tagRuleRetest } from './tag-rule-retest';
import { rule as tooManyEmails } from './too-many-emails';
import type { Rule } from './types';
import { rule as versionDraft } from './version-draft';
import { rule as versionSplitInvalid } from './version-split-invalid';
import { rule as windowNeverOpens } from './window-never-opens';

/** Every rule the auditor runs, in catalog order (../../docs/rules/). Nothing else decides. */
export const RULES: readonly Rule[] = [
  sequencePaused,
  stepInactive,
  stepNotConnected,
  startNotConnected,
  noStartingRule,
  tagRuleRetest,
  rulesNotRetroactive,
  freshTestAddress,
  pathWithoutEnding,
  stepNumbersNotOrder,
  recipientsFiltered,
  publicNameWeak,
  pauseResetsDelays,
  editingLiveSequence,
  tooManyEmails,
  dateSpecificStep,
  dateInPast,
  stepUnreachable,
  splitBranchOpen,
  gotoTargetMissing,
  instantLoop,
  subsequenceNeverEntered,
  versionSplitInvalid,
  versionDraft,
  windowNeverOpens,
  emailBurst,
  emailNoSubject,
  changesNotSaved,
  completeBlocksReentry,
  dateStepReachedLate,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export type { CheckContext, Finding, FindingKind, Rule, RuleMeta, Severity } from './types';

/** Every rule id, in catalog order. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
