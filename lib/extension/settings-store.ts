import { storage } from '@wxt-dev/storage';
import { defaultSettings, parseSettings, type Settings, settingsSchema } from '../settings';

/**
 * The settings as stored by the options page (sync storage, versioned by @wxt-dev/storage).
 * Stored values are never trusted: whatever does not validate falls back to its default, and the
 * surfaces that show settings say so.
 */
export const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: null, version: 1 });

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored value was unreadable and defaults were used instead. */
  notice: string | null;
}

export function interpretStoredSettings(raw: unknown): LoadedSettings {
  if (raw === null || raw === undefined) return { settings: defaultSettings(), notice: null };
  const strict = settingsSchema.safeParse(raw);
  if (strict.success) return { settings: strict.data, notice: null };
  const issue = strict.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'settings';
  return {
    settings: parseSettings(raw),
    notice: `Some saved settings could not be read (${where}: ${issue?.message ?? 'invalid'}), so their defaults are used. Saving the options again fixes this.`,
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

export function saveSettings(settings: Settings): Promise<void> {
  return settingsItem.setValue(settingsSchema.parse(settings));
}
