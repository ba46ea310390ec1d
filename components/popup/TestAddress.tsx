import { useState } from 'preact/hooks';
import { freshTestAddress } from '@/lib/checks/test-address';

/** "Copy a fresh test address": a plus-addressed variant of the address set in the options. */
export function TestAddress({ address, sequenceId }: { address: string; sequenceId: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const fresh = freshTestAddress(address, sequenceId, new Date());
  const copy = async () => {
    if (!fresh) return;
    try {
      await navigator.clipboard.writeText(fresh);
      setStatus(`Copied ${fresh}`);
    } catch {
      setStatus(fresh);
    }
  };
  return (
    <section class="test-address" aria-label="Test address">
      <p class="test-address__why">
        A contact can be in a sequence only once, so test with a fresh address each time.
      </p>
      {fresh ? (
        <button type="button" onClick={copy}>
          Copy a fresh test address
        </button>
      ) : (
        <p>
          Set your email address in the{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            options
          </a>{' '}
          to get a fresh test address here.
        </p>
      )}
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}
