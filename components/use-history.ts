import { useEffect, useState } from 'preact/hooks';
import {
  historyItem,
  historyNotSavedItem,
  type LoadedHistory,
  loadHistory,
} from '@/lib/extension/storage/history-store';

/** The stored audit history with its notices, loaded again whenever it changes; null until loaded. */
export function useHistory(): LoadedHistory | null {
  const [loaded, setLoaded] = useState<LoadedHistory | null>(null);
  useEffect(() => {
    const load = () => void loadHistory().then(setLoaded);
    load();
    const unwatch = [historyItem.watch(load), historyNotSavedItem.watch(load)];
    return () => {
      for (const stop of unwatch) stop();
    };
  }, []);
  return loaded;
}
