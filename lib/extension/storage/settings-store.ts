import { storage } from '@wxt-dev/storage';
import { defaultSettings, type Settings } from '../../settings/settings';
import { parseSettings, readSettingsStrict } from '../../settings/settings-schema';
import { SETTINGS_KEY } from '../messaging/active-config';

/**
 * The settings as stored by the options page (sync storage, versioned by @wxt-dev/storage).
 * Stored values are never trusted: whatever does not validate falls back to its default, and the
 * surfaces that show settings say so.
 */
export const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY, { fallback: null });

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored value was unreadable and defaults were used instead. */
  notice: string | null;
}

export function interpretStoredSettings(raw: unknown): LoadedSettings {
  if (raw === null || raw === undefined) return { settings: defaultSettings(), notice: null };
  const strict = readSettingsStrict(raw);
  if (strict.ok) return { settings: strict.settings, notice: null };
  return {
    settings: parseSettings(raw),
    notice: `Some saved settings could not be read (${strict.problem}), so their defaults are used. Saving the options again fixes this.`,
  };
}

export async function loadSettings(): Promise<LoadedSettings> {
  try {
    return interpretStoredSettings(await settingsItem.getValue());
  } catch (error) {
    return {
      settings: defaultSettings(),
      notice: `Saved settings could not be loaded (${String(error)}); defaults are used.`,
    };
  }
}

export function watchSettings(onChange: (loaded: LoadedSettings) => void): () => void {
  return settingsItem.watch((raw) => onChange(interpretStoredSettings(raw)));
}

/** Refuses settings that would not read back as they are (a bug in the caller, not user input). */
export function saveSettings(settings: Settings): Promise<void> {
  const strict = readSettingsStrict(settings);
  if (!strict.ok) return Promise.reject(new Error(`Invalid settings (${strict.problem})`));
  return settingsItem.setValue(strict.settings);
}
