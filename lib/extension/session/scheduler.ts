import type { PageWindow } from '../content/page-window';

/** The longest a held mouse button postpones the next audit. */
export const PRESS_LIMIT_MS = 5000;

export interface AuditScheduler {
  /** An audit soon: at most one per throttle, after a held button's release. */
  schedule(): void;
  /** Call as an audit starts: it counts for the throttle, and a pending one is no longer needed. */
  started(at: number): void;
  /** Another audit at `at` even if the page does not change (null: none). */
  retryAt(at: number | null): void;
}

/**
 * When the audit session audits again: after a change, at most once per `throttleMs`; while a
 * mouse button is held (a card or a line being dragged, the builder changing on every move, a
 * read mid-gesture telling nothing the drop will not) only after its release, so the drag stays
 * smooth, up to PRESS_LIMIT_MS; and at a retry time the reader asks for. Its listeners and timers
 * end with `signal`.
 */
export function auditScheduler(
  win: PageWindow,
  throttleMs: number,
  run: () => void,
  signal: AbortSignal,
): AuditScheduler {
  let lastAt = Number.NEGATIVE_INFINITY;
  let timer: number | undefined;
  let retryTimer: number | undefined;
  let pressedAt: number | null = null;

  const cancel = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };
  function schedule(): void {
    if (timer !== undefined || signal.aborted) return;
    const now = win.performance.now();
    let wait = Math.max(0, lastAt + throttleMs - now);
    if (pressedAt !== null && now - pressedAt < PRESS_LIMIT_MS)
      wait = Math.max(wait, pressedAt + PRESS_LIMIT_MS - now);
    timer = win.setTimeout(() => {
      timer = undefined;
      run();
    }, wait);
  }

  const onPress = () => {
    pressedAt = win.performance.now();
  };
  const onRelease = () => {
    if (pressedAt === null) return;
    pressedAt = null;
    if (timer === undefined) return;
    cancel();
    schedule();
  };
  for (const type of ['pointerdown'] as const)
    win.addEventListener(type, onPress, { capture: true, passive: true, signal });
  for (const type of ['pointerup', 'pointercancel', 'blur'] as const)
    win.addEventListener(type, onRelease, { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => {
    cancel();
    if (retryTimer !== undefined) win.clearTimeout(retryTimer);
  });

  return {
    schedule,
    started(at) {
      cancel();
      lastAt = at;
    },
    retryAt(at) {
      if (retryTimer !== undefined) win.clearTimeout(retryTimer);
      retryTimer = undefined;
      if (at === null || signal.aborted) return;
      retryTimer = win.setTimeout(
        () => {
          retryTimer = undefined;
          schedule();
        },
        Math.max(0, at - win.performance.now()),
      );
    },
  };
}
