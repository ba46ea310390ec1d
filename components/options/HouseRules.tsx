import { useState } from 'preact/hooks';
import { RULES } from '@/lib/checks/index';
import { acceptsValue, optionValues, optionValueWords, type RuleOption } from '@/lib/checks/types';
import type { RuleOptionValue, Settings } from '@/lib/settings/settings';

export interface HouseRulesProps {
  ruleOptions: Settings['ruleOptions'];
  onChange: (ruleOptions: Settings['ruleOptions']) => void;
}

/** The rules' options (`meta.options`), each control made from its declaration. */
export function HouseRules({ ruleOptions, onChange }: HouseRulesProps) {
  const set = (ruleId: string, name: string, value: RuleOptionValue) =>
    onChange({ ...ruleOptions, [ruleId]: { ...ruleOptions[ruleId], [name]: value } });
  return (
    <section aria-labelledby="house-rules-title">
      <h2 id="house-rules-title">House rules</h2>
      <p class="help">
        Practice teams disagree on. Findings, their fixes and every export follow what you choose here.
      </p>
      {RULES.flatMap(({ meta }) => {
        const values = optionValues(meta.options, ruleOptions[meta.id]);
        return Object.entries(meta.options ?? {}).map(([name, option]) => (
          <OptionControl
            key={`${meta.id}.${name}`}
            id={`house-${meta.id}-${name}`}
            ruleTitle={meta.title}
            option={option}
            value={values[name] ?? option.default}
            onChange={(value) => set(meta.id, name, value)}
          />
        ));
      })}
    </section>
  );
}

interface OptionControlProps {
  id: string;
  ruleTitle: string;
  option: RuleOption;
  value: RuleOptionValue;
  onChange: (value: RuleOptionValue) => void;
}

function OptionControl({ id, ruleTitle, option, value, onChange }: OptionControlProps) {
  // What is typed in a number field; the settings hold only a value the rule accepts.
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? String(value);
  const problem =
    option.type === 'number' && !acceptsValue(option, Number(shown))
      ? `Not saved: a whole number from ${option.min} to ${option.max}.`
      : null;
  const help = `${ruleTitle}. Default: ${optionValueWords(option, option.default)}.`;
  return (
    <p class="house-rule">
      <label for={id}>{option.label}</label>{' '}
      {option.type === 'choice' ? (
        <select
          id={id}
          value={String(value)}
          aria-describedby={`${id}-help`}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {Object.entries(option.choices).map(([key, words]) => (
            <option key={key} value={key}>
              {words.charAt(0).toUpperCase() + words.slice(1)}
            </option>
          ))}
        </select>
      ) : (
        <>
          <input
            id={id}
            type="number"
            min={option.min}
            max={option.max}
            step={1}
            value={shown}
            aria-invalid={problem ? 'true' : 'false'}
            aria-describedby={`${id}-help`}
            onInput={(event) => {
              const text = event.currentTarget.value;
              setTyped(text);
              if (acceptsValue(option, Number(text))) onChange(Number(text));
            }}
          />{' '}
          {option.unit[1]}
        </>
      )}
      <span id={`${id}-help`} class="help">
        {' '}
        {problem ?? help}
      </span>
    </p>
  );
}
