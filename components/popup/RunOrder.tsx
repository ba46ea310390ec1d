import { useState } from 'preact/hooks';

/**
 * Steps shown before "Show all": the start of the order is what people check, and a long
 * sequence's full order (a thousand numbers) would fill the popup and slow its opening.
 */
const RUN_ORDER_SHOWN = 40;

/** The order contacts reach the steps, which the number bubbles do not tell. */
export function RunOrder({ refs }: { refs: readonly string[] }) {
  const [all, setAll] = useState(false);
  const long = refs.length > RUN_ORDER_SHOWN && !all;
  const shown = long ? refs.slice(0, RUN_ORDER_SHOWN) : refs;
  return (
    <section aria-label="Run order">
      <h2 class="section-title">Real order</h2>
      <p class="run-order">
        {shown.join(' → ')}
        {long && ` → … (${refs.length - RUN_ORDER_SHOWN} more)`}
      </p>
      {long && (
        <button type="button" class="link-button" onClick={() => setAll(true)}>
          Show the whole order ({refs.length} steps)
        </button>
      )}
      <p class="hint">
        The number bubbles are reference numbers; this is the order contacts reach the steps.
      </p>
    </section>
  );
}
