import { marked } from 'marked';
import { useEffect, useState } from 'preact/hooks';
import { RULES } from '@/lib/checks/index';

// The rule pages of docs/rules/, bundled at build time: "Learn more" works offline.
const DOCS = import.meta.glob('../docs/rules/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function docFor(id: string): string | undefined {
  return DOCS[`../docs/rules/${id}.md`];
}

/**
 * The rule named in the address (`rules.html#step-inactive`). A hash that is not valid
 * percent-encoding (`#%E0%A4%A`) is taken as typed rather than breaking the page.
 */
function currentId(): string {
  const raw = location.hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** "Learn more": the rule's documentation page, with an index of every rule. */
export function RulesPage() {
  const [id, setId] = useState(currentId());
  useEffect(() => {
    const onHash = () => setId(currentId());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const doc = docFor(id);
  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '16px 24px' }}>
      {doc ? (
        // Our own documentation, written in this repository: never text from a Kartra page.
        <article dangerouslySetInnerHTML={{ __html: marked.parse(doc, { async: false }) }} />
      ) : (
        <>
          <h1>Kartra Sequence Auditor rules</h1>
          {/* The address is anyone's to type: it is shown as text, never as markup. */}
          {id && <p role="alert">There is no rule called “{id}”. Every rule is listed below.</p>}
        </>
      )}
      <nav aria-label="All rules">
        <h2>All rules</h2>
        <ul>
          {RULES.map((rule) => (
            <li key={rule.meta.id}>
              <a href={`#${rule.meta.id}`}>{rule.meta.title}</a> <small>({rule.meta.severity})</small>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
