import { useEffect, useState } from 'preact/hooks';

/**
 * What `load` resolves to (a component of a module imported on demand), or null until it has.
 * The popup's first paint needs its counts and findings only; the code of the sections below
 * them (the timeline, the exports) is fetched and run after that paint. `load` must be a
 * constant (module level), or the module is asked for again on every render.
 */
export function useLoadedLater<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<{ value: T } | null>(null);
  useEffect(() => {
    let current = true;
    void load().then((value) => {
      if (current) setLoaded({ value });
    });
    return () => {
      current = false;
    };
  }, [load]);
  return loaded?.value ?? null;
}
