import type { EditorSpec, SpecStep } from '../spec';
import { append, el, icon } from './dom';
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
  card.appendChild(header);

  const body = el(doc, 'div', 'step_body');
  body.appendChild(el(doc, 'div', 'step_title', step.title));
  if (step.kind === 'tag' || step.kind === 'list' || step.kind === 'sequence') {
    body.appendChild(el(doc, 'div', 'step_action', actionText(step)));
  }
  if (step.kind === 'goto') body.appendChild(el(doc, 'div', 'step_goto', `Go to ${step.goto ?? ''}`));
  body.appendChild(
    append(
      el(doc, 'div', 'step_timing'),
      icon(doc, 'fa-clock-o'),
      doc.createTextNode(timingText(step.delay)),
    ),
  );
  body.appendChild(
    append(
      el(doc, 'div', 'step_window'),
      icon(doc, 'fa-calendar'),
      doc.createTextNode(windowText(step.window)),
    ),
  );
  if ((step.kind === 'email' || step.kind === 'sms') && step.recipients) {
    body.appendChild(el(doc, 'div', 'step_recipients', recipientsText(step.recipients)));
  }
  if (step.kind === 'email' && step.versions && step.versions.length > 0) {
    const versions = el(doc, 'div', 'step_versions');
    for (const version of step.versions) {
      versions.appendChild(el(doc, 'span', 'step_version', `${version.name}: ${version.percent}%`));
    }
    body.appendChild(versions);
  }
  card.appendChild(body);

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
  card.classList.toggle('step_inactive', !active);
  const label = card.querySelector('.step_inactive_label');
  if (active) label?.remove();
  else if (!label) {
    const header = card.querySelector('.step_header');
    const menu = card.querySelector('.step_menu_btn');
    header?.insertBefore(el(doc, 'span', 'step_inactive_label', 'Inactive'), menu);
  }
}

export function renderStartingRules(doc: Document, rules: EditorSpec['startingRules']): HTMLElement {
  const module = el(doc, 'div', 'starting_rules_module js_starting_rules');
  module.appendChild(
    append(el(doc, 'div', 'module_title'), icon(doc, 'fa-bolt'), doc.createTextNode('Starting Rules')),
  );
  const list = el(doc, 'ul', 'starting_rules_list');
  if (rules.length === 0) list.appendChild(el(doc, 'li', 'starting_rule_empty', 'No starting rules yet'));
  for (const rule of rules) {
    const display = STARTING_RULE_DISPLAY[rule.type] ?? { icon: 'fa-question', prefix: rule.type };
    list.appendChild(
      append(
        el(doc, 'li', 'starting_rule'),
        icon(doc, display.icon),
        el(doc, 'span', 'starting_rule_label', `${display.prefix}: ${rule.label}`),
      ),
    );
  }
  module.appendChild(list);
  return module;
}
