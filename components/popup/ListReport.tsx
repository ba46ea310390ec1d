import type { Report } from '@/lib/audit/report';

/** The sequence list: which sequences are paused, with Kartra's inverted icons explained. */
export function ListReport({ report }: { report: Report }) {
  const paused = report.findings.filter((finding) => finding.ruleId === 'sequence-paused');
  return (
    <section>
      <h2 class="section-title">Sequences list</h2>
      <p class="explain">
        Kartra's status icons show the action a click would take, not the state:{' '}
        <span aria-hidden="true">⏸</span> (pause) means the sequence is <strong>running</strong>, a green{' '}
        <span aria-hidden="true">▶</span> (play) means it is <strong>paused</strong>.
      </p>
      {paused.length === 0 ? (
        <p>No paused sequences on this page.</p>
      ) : (
        <>
          <p>
            {paused.length} paused sequence{paused.length === 1 ? '' : 's'}:
          </p>
          <ul class="findings">
            {paused.map((finding) => (
              <li key={finding.sequenceId ?? finding.message} class="finding finding--error">
                <p class="finding__message">{finding.message}</p>
                <p class="finding__fix">{finding.fix}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
