import { useState } from 'preact/hooks';

/**
 * "Accept…", then the reason and the confirmation, so nothing is accepted on one stray click:
 * the popup's findings and the card's panel on the canvas.
 */
export function AcceptForm({ onAccept }: { onAccept: (reason: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <button type="button" class="link-button" onClick={() => setOpen(true)}>
        Accept…
      </button>
    );
  return (
    <form
      class="accept-form"
      onSubmit={(event) => {
        event.preventDefault();
        onAccept(reason);
        setOpen(false);
      }}
    >
      <label>
        Why it is fine (optional)
        <input
          type="text"
          maxLength={200}
          value={reason}
          onInput={(event) => setReason((event.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <button type="submit">Accept</button>
      <button type="button" class="link-button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
