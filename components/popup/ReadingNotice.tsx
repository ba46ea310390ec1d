import { useState } from 'preact/hooks';
import type { Report } from '@/lib/audit/report';
import { fitShortfallSentences, readingSentence } from '@/lib/export/report-view';
import type { KartraProfile } from '@/lib/kartra/profile';

/**
 * How the builder was read: which profile, how well it fitted, and what did not. A page read
 * with a profile inferred from it says so plainly and offers to keep that profile.
 */
export function ReadingNotice({
  reading,
  inferredProfile,
}: {
  reading: NonNullable<Report['coverage']['reading']>;
  inferredProfile: KartraProfile | null;
}) {
  const [kept, setKept] = useState<string | null>(null);
  const shortfalls = fitShortfallSentences(reading);
  const keep = async () => {
    if (!inferredProfile) return;
    try {
      // Loaded on the click: the profile's schema is not needed to paint the report.
      const { saveProfileOverride } = await import('@/lib/extension/storage/profile-store');
      await saveProfileOverride(inferredProfile);
      setKept(
        'Kept as your profile override: Kartra pages are read with it from now on. The options page can reset it.',
      );
    } catch (error) {
      setKept(`The profile could not be saved (${error instanceof Error ? error.message : String(error)}).`);
    }
  };
  return (
    <section
      class={`reading${reading.profile === 'inferred' ? ' reading--inferred' : ''}`}
      aria-label="How the page was read"
    >
      {reading.profile === 'inferred' && (
        <p class="notice" role="note">
          Kartra's builder did not match the auditor's built-in profile, so it was read with a profile
          inferred from this page. Check the findings against the builder before you rely on them.
        </p>
      )}
      <p class="reading__sentence">{readingSentence(reading)}</p>
      {shortfalls.length > 0 && (
        <ul class="reading__shortfalls">
          {shortfalls.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {reading.profile === 'inferred' && inferredProfile && (
        <>
          <button type="button" onClick={keep} disabled={kept !== null}>
            Keep this profile
          </button>
          <p class="status-line" role="status">
            {kept}
          </p>
        </>
      )}
    </section>
  );
}
