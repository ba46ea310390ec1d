import type { KartraProfile } from '../kartra/profile';

/** The value of the first icon in `map` whose class the element carries; null when none does. */
export function iconValue<T>(
  classes: readonly string[] | null | undefined,
  map: readonly { iconClass: string; value: T }[],
): T | null {
  if (!Array.isArray(classes)) return null;
  const have = new Set(classes);
  for (const { iconClass, value } of map) if (have.has(iconClass)) return value;
  return null;
}

/**
 * Kartra shows the action a click would take: a pause icon while the sequence runs, a play
 * icon while it is paused. Both or neither is unreadable.
 */
export function statusFromIcon(
  classes: readonly string[] | null | undefined,
  status: KartraProfile['status'],
  glyphs: readonly string[] | null = null,
): 'active' | 'paused' | null {
  const byClass = Array.isArray(classes)
    ? decide(classes.includes(status.runningIcon), classes.includes(status.pausedIcon))
    : null;
  if (byClass !== null || !Array.isArray(glyphs)) return byClass;
  // Class names say nothing on markup the profile does not know: the glyph a person sees does.
  return decide(
    glyphs.some((g) => status.runningGlyphs.includes(g)),
    glyphs.some((g) => status.pausedGlyphs.includes(g)),
  );
}

function decide(running: boolean, paused: boolean): 'active' | 'paused' | null {
  if (running === paused) return null;
  return running ? 'active' : 'paused';
}
