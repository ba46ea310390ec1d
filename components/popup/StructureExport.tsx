import { useState } from 'preact/hooks';
import { askAuditedFrame } from '@/lib/extension/messaging/ask-audited-frame';
import { structureFileName } from '@/lib/structure/export';

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Export page structure": a file of the builder's layout without the account's data, for the
 * maintainers to fix the profile when the auditor cannot read (or only partly reads) the page.
 */
export function StructureExport({ tabId }: { tabId: number | undefined }) {
  const [status, setStatus] = useState<string | null>(null);

  const exportNow = async () => {
    if (tabId === undefined) return;
    const response = await askAuditedFrame(tabId, 'exportStructure', undefined).catch(() => null);
    if (!response?.structure) {
      setStatus(`The page structure could not be exported${response?.error ? ` (${response.error})` : ''}.`);
      return;
    }
    const fileName = structureFileName();
    download(`${JSON.stringify(response.structure, null, 2)}\n`, fileName);
    setStatus(`Saved ${fileName}: ${response.structure.counts.elements} elements, no text or names.`);
  };

  return (
    <section class="structure-export" aria-label="Export the page structure">
      <h2 class="section-title">Help fix the auditor</h2>
      <p class="hint">
        Export the builder's layout (its elements, class names and positions) with only the builder's own
        words kept, and no names, emails, subjects or tags, and send the file to the maintainers. Nothing is
        sent by the extension itself.
      </p>
      <button type="button" onClick={exportNow}>
        Export page structure
      </button>
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}
