import { useEffect, useState } from 'preact/hooks';
import { RULES } from '@/lib/checks/index';
import { freshTestAddress } from '@/lib/checks/test-address';
import { loadSettings, saveSettings } from '@/lib/extension/storage/settings-store';
import {
  defaultSettings,
  MAX_PREPARED_BY,
  SEVERITIES,
  type Settings,
  type Severity,
} from '@/lib/settings/settings';
import { defaultTimeZone, isValidTimeZone } from '@/lib/time/timing';
import { AcceptedSummary } from './AcceptedSummary';
import { ClientDetailsSummary } from './ClientDetailsSummary';
import { HistorySummary } from './HistorySummary';
import { HouseRules } from './HouseRules';
import { ProfileOverride } from './ProfileOverride';
import { QuietHoursControl } from './QuietHoursControl';

/** The zone names the browser knows, offered as suggestions (older browsers list none). */
const ZONE_NAMES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * Rules on/off and severities, the house rules, the test address, inline warnings,
 * the account time zone, the timeline's quiet hours, who prepares the client reports.
 */
export function OptionsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // What is typed in the time zone field; settings hold only a zone that exists.
  const [zoneText, setZoneText] = useState<string | null>(null);

  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setNotice(loaded.notice);
    });
  }, []);

  if (!settings) return <p>Loading settings…</p>;

  const addressProblem =
    settings.testAddress && !freshTestAddress(settings.testAddress, 'x', new Date())
      ? 'This does not look like an email address (name@example.com).'
      : null;

  const browserZone = defaultTimeZone();
  const zoneShown = zoneText ?? settings.accountTimeZone ?? '';
  const zoneProblem =
    zoneShown !== '' && !isValidTimeZone(zoneShown)
      ? `"${zoneShown}" is not a time zone name. Use the name Kartra's account settings show, such as Europe/Berlin or America/New_York, or leave it empty for your browser's zone (${browserZone}).`
      : null;

  const setZone = (typed: string) => {
    const text = typed.trim();
    setZoneText(text);
    if (text !== '' && !isValidTimeZone(text)) {
      setStatus('Not saved: fix the field marked above.');
      return;
    }
    update({ ...settings, accountTimeZone: text === '' ? null : text }, text);
  };

  /** Saves `next` unless a field is wrong (the zone as typed counts: settings hold a valid one). */
  const update = (next: Settings, typedZone = zoneText) => {
    setSettings(next);
    const invalid = next.testAddress && !freshTestAddress(next.testAddress, 'x', new Date());
    const zoneInvalid = typedZone !== null && typedZone !== '' && !isValidTimeZone(typedZone);
    if (invalid || zoneInvalid) {
      setStatus('Not saved: fix the field marked above.');
      return;
    }
    void saveSettings(next).then(
      () => {
        setNotice(null);
        setStatus('Saved. Open builder tabs update at once.');
      },
      (error: unknown) => setStatus(`Not saved: ${String(error)}`),
    );
  };

  const setRule = (id: string, change: Partial<{ enabled: boolean; severity: Severity | undefined }>) => {
    const current = settings.rules[id] ?? { enabled: true };
    const merged = { ...current, ...change };
    if (merged.severity === undefined) delete merged.severity;
    update({ ...settings, rules: { ...settings.rules, [id]: merged } });
  };

  return (
    <main class="options">
      <h1>Kartra Sequence Auditor options</h1>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      <section>
        <h2>Testing</h2>
        <label for="test-address">Your email address, for fresh test addresses</label>
        <input
          id="test-address"
          type="email"
          value={settings.testAddress}
          aria-invalid={addressProblem ? 'true' : 'false'}
          aria-describedby="test-address-help"
          onChange={(event) => update({ ...settings, testAddress: event.currentTarget.value.trim() })}
        />
        <p id="test-address-help" class="help">
          {addressProblem ??
            'The popup offers name+kartra-<sequence>-<date>@domain: a contact can be in a sequence only once.'}
        </p>
      </section>
      <section>
        <h2>Time</h2>
        <label for="account-time-zone">Your Kartra account's time zone</label>
        <input
          id="account-time-zone"
          type="text"
          list="time-zone-names"
          placeholder={browserZone}
          autocomplete="off"
          spellcheck={false}
          value={zoneShown}
          aria-invalid={zoneProblem ? 'true' : 'false'}
          aria-describedby="account-time-zone-help"
          onChange={(event) => setZone(event.currentTarget.value)}
        />
        <datalist id="time-zone-names">
          {ZONE_NAMES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <p id="account-time-zone-help" class="help">
          {zoneProblem ??
            (settings.accountTimeZone === null
              ? `Not set: dates and windows are read in your browser's time zone (${browserZone}), and findings say so. Kartra's account zone can differ: set it here.`
              : `Dates and windows are read in ${settings.accountTimeZone}, as Kartra's account settings say.`)}
        </p>
        <QuietHoursControl
          quiet={settings.quietHours}
          onChange={(quiet) => update({ ...settings, quietHours: quiet })}
        />
      </section>
      <section>
        <h2>Display</h2>
        <label>
          <input
            type="checkbox"
            checked={settings.inlineWarnings}
            onChange={(event) => update({ ...settings, inlineWarnings: event.currentTarget.checked })}
          />{' '}
          Show warnings on the builder's steps
        </label>
      </section>
      <HouseRules
        ruleOptions={settings.ruleOptions}
        onChange={(ruleOptions) => update({ ...settings, ruleOptions })}
      />
      <section>
        <h2>Reports</h2>
        <label for="prepared-by">Prepared by (your name or agency)</label>
        <input
          id="prepared-by"
          type="text"
          autocomplete="organization"
          maxLength={MAX_PREPARED_BY}
          value={settings.preparedBy}
          aria-describedby="prepared-by-help"
          onChange={(event) => update({ ...settings, preparedBy: event.currentTarget.value.trim() })}
        />
        <p id="prepared-by-help" class="help">
          Printed on the cover of the client report (the popup's HTML export), with the date and the client.
        </p>
      </section>
      <section>
        <h2>Rules</h2>
        <table class="rules">
          <caption class="visually-hidden">Rules, whether they run, and their severity</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Runs</th>
              <th scope="col">Severity</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map(({ meta }) => {
              const rule = settings.rules[meta.id];
              return (
                <tr key={meta.id}>
                  <th scope="row">
                    <a
                      href={browser.runtime.getURL(`/rules.html#${meta.id}`)}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {meta.title}
                    </a>
                    <br />
                    <code>{meta.id}</code>
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Run ${meta.title}`}
                      checked={rule?.enabled ?? true}
                      onChange={(event) => setRule(meta.id, { enabled: event.currentTarget.checked })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`Severity of ${meta.title}`}
                      value={rule?.severity ?? ''}
                      onChange={(event) =>
                        setRule(meta.id, {
                          severity: (event.currentTarget.value || undefined) as Severity | undefined,
                        })
                      }
                    >
                      <option value="">Default ({meta.severity})</option>
                      {SEVERITIES.map((severity) => (
                        <option key={severity} value={severity}>
                          {severity}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <p>
        <button
          type="button"
          onClick={() => {
            setZoneText(null);
            update(defaultSettings(), null);
          }}
        >
          Reset all to defaults
        </button>
      </p>
      <p class="status-line" role="status">
        {status}
      </p>
      <AcceptedSummary />
      <HistorySummary />
      <ClientDetailsSummary />
      <ProfileOverride />
      <p class="tool-version">
        {browser.runtime.getManifest().name} {browser.runtime.getManifest().version}
      </p>
    </main>
  );
}
