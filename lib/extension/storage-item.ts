import { browser } from 'wxt/browser';

/**
 * One value in the extension's storage: the part of @wxt-dev/storage's items this extension
 * uses (get, set, remove, watch), without the library, which costs the content script about
 * 3.5 KB of its 30 KB gzip budget. Values live under the same keys ("sync:settings" is the key
 * "settings" of sync storage) as @wxt-dev/storage keeps them, so either reads what the other
 * wrote. No versions or migrations: the values here are checked on every read instead.
 */

export type StorageArea = 'local' | 'sync' | 'session';

export interface StorageItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `onChange` with the new value whenever it changes (in any context); returns unwatch. */
  watch(onChange: (value: T, previous: T) => void): () => void;
}

export function defineItem<T>(key: `${StorageArea}:${string}`, options: { fallback: T }): StorageItem<T> {
  const colon = key.indexOf(':');
  const areaName = key.slice(0, colon) as StorageArea;
  const name = key.slice(colon + 1);
  const area = () => browser.storage[areaName];
  const orFallback = (value: unknown): T =>
    value === undefined || value === null ? options.fallback : (value as T);
  return {
    async getValue() {
      const stored = await area().get(name);
      return orFallback(stored[name]);
    },
    async setValue(value) {
      // Like @wxt-dev/storage: setting nothing removes the value.
      if (value === undefined || value === null) await area().remove(name);
      else await area().set({ [name]: value });
    },
    async removeValue() {
      await area().remove(name);
    },
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[name];
        if (!change) return;
        onChange(orFallback(change.newValue), orFallback(change.oldValue));
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}

/** Drop-in for `import { storage } from '@wxt-dev/storage'` where only defineItem is used. */
export const storage = { defineItem };
