import { useEffect, useState } from 'preact/hooks';
import { RULES } from '@/lib/checks/index';
import { loadSettings, saveSettings } from '@/lib/extension/settings-store';
import { defaultSettings, SEVERITIES, type Settings, type Severity } from '@/lib/settings';
import { freshTestAddress } from '@/lib/test-address';
import { ProfileOverride } from './ProfileOverride';

/** Rules on/off and severities, the too-many-emails limit, the test address, inline warnings. */
export function OptionsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState('');

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

  const update = (next: Settings) => {
    setSettings(next);
    const invalid = next.testAddress && !freshTestAddress(next.testAddress, 'x', new Date());
    if (invalid || !Number.isInteger(next.tooManyEmailsLimit) || next.tooManyEmailsLimit < 1) {
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
      <section>
        <h2>Rules</h2>
        <label for="email-limit">Too many emails: more than</label>{' '}
        <input
          id="email-limit"
          type="number"
          min={1}
          step={1}
          value={settings.tooManyEmailsLimit}
          onChange={(event) => update({ ...settings, tooManyEmailsLimit: Number(event.currentTarget.value) })}
        />{' '}
        email steps
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
        <button type="button" onClick={() => update(defaultSettings())}>
          Reset all to defaults
        </button>
      </p>
      <p class="status-line" role="status">
        {status}
      </p>
      <ProfileOverride />
      <p class="tool-version">
        {browser.runtime.getManifest().name} {browser.runtime.getManifest().version}
      </p>
    </main>
  );
}
