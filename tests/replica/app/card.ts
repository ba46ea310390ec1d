import type { EditorSpec, SpecStep } from '../spec';
import { append, cls, el, icon, markupOf, sel, wrapped } from './dom';
import {
  actionText,
  KIND_DISPLAY,
  recipientsText,
  STARTING_RULE_DISPLAY,
  timingText,
  windowText,
} from './texts';

/** A step card, as docs/replica-markup.md draws it. The ⋮ menu is wired by the canvas. */
export function renderCard(doc: Document, step: SpecStep, active: boolean): HTMLElement {
  const card = el(doc, 'div', 'sequence_step js_sequence_step');
  const display = KIND_DISPLAY[step.kind];
  const { wording } = markupOf(doc).skin;

  const header = append(
    el(doc, 'div', 'step_header'),
    el(doc, 'span', 'step_number', step.ref),
    icon(doc, display.icon, 'step_kind_icon'),
    el(doc, 'span', 'step_kind_label', display.label),
  );
  const menuBtn = el(doc, 'button', 'step_menu_btn js_step_menu', '⋮');
  menuBtn.type = 'button';
  menuBtn.setAttribute('aria-label', 'Step options');
  menuBtn.setAttribute('aria-haspopup', 'menu');
  header.appendChild(menuBtn);

  const body = el(doc, 'div', 'step_body');
  const field = (node: HTMLElement) => body.appendChild(wrapped(doc, node, 'step_field'));
  const title = el(doc, 'div', 'step_title', step.title);
  // An empty title takes no room (display: none), so a wrapper must not take a gap for it.
  const titleShown = step.title !== '' || step.kind === 'email' || step.kind === 'sms';
  if (titleShown) field(title);
  else body.appendChild(title);
  if (step.kind === 'tag' || step.kind === 'list' || step.kind === 'sequence') {
    field(el(doc, 'div', 'step_action', actionText(step)));
  }
  if (step.kind === 'goto') field(el(doc, 'div', 'step_goto', `Go to ${step.goto ?? ''}`));
  field(
    append(
      el(doc, 'div', 'step_timing'),
      icon(doc, 'fa-clock-o'),
      doc.createTextNode(timingText(step.delay, wording)),
    ),
  );
  field(
    append(
      el(doc, 'div', 'step_window'),
      icon(doc, 'fa-calendar'),
      doc.createTextNode(windowText(step.window, wording)),
    ),
  );
  if ((step.kind === 'email' || step.kind === 'sms') && step.recipients) {
    field(el(doc, 'div', 'step_recipients', recipientsText(step.recipients, wording)));
  }
  if (step.kind === 'email' && step.versions && step.versions.length > 0) {
    const versions = el(doc, 'div', 'step_versions');
    for (const version of step.versions) {
      versions.appendChild(el(doc, 'span', 'step_version', `${version.name}: ${version.percent}%`));
    }
    field(versions);
  }
  card.append(...nested(doc, 'step_inner', header, body));

  if (step.kind === 'split') {
    card.appendChild(
      append(
        el(doc, 'div', 'split_outputs'),
        el(doc, 'span', 'split_output_label', 'Yes'),
        el(doc, 'span', 'split_output_label', 'No'),
      ),
    );
  }
  setCardActive(doc, card, active);
  return card;
}

/** Shows a step as active or inactive: greyed card plus the "Inactive" label. */
export function setCardActive(doc: Document, card: HTMLElement, active: boolean): void {
  card.classList.toggle(cls(doc, 'step_inactive'), !active);
  const label = card.querySelector(sel(doc, '.step_inactive_label'));
  if (active) label?.remove();
  else if (!label) {
    const header = card.querySelector(sel(doc, '.step_header'));
    const menu = card.querySelector(sel(doc, '.step_menu_btn'));
    header?.insertBefore(el(doc, 'span', 'step_inactive_label', 'Inactive'), menu);
  }
}

export function renderStartingRules(doc: Document, rules: EditorSpec['startingRules']): HTMLElement {
  const module = el(doc, 'div', 'starting_rules_module js_starting_rules');
  const title = append(
    el(doc, 'div', 'module_title'),
    icon(doc, 'fa-bolt'),
    doc.createTextNode('Starting Rules'),
  );
  const list = el(doc, 'ul', 'starting_rules_list');
  if (rules.length === 0) list.appendChild(el(doc, 'li', 'starting_rule_empty', 'No starting rules yet'));
  for (const rule of rules) {
    const display = STARTING_RULE_DISPLAY[rule.type] ?? { icon: 'fa-question', prefix: rule.type };
    list.appendChild(
      append(
        el(doc, 'li', 'starting_rule'),
        icon(doc, display.icon),
        wrapped(
          doc,
          el(doc, 'span', 'starting_rule_label', `${display.prefix}: ${rule.label}`),
          'rule_field',
        ),
      ),
    );
  }
  module.append(...nested(doc, 'module_inner', title, list));
  return module;
}

/** The children as they are (default skin), or inside the skin's chain of wrapper elements. */
function nested(doc: Document, part: string, ...children: HTMLElement[]): HTMLElement[] {
  const [first, ...rest] = children;
  if (!first) return [];
  const holder = el(doc, 'div', part);
  const chain = wrapped(doc, holder, part);
  if (chain === holder) return children;
  holder.append(first, ...rest);
  return [chain];
}
