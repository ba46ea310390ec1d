/**
 * When a document's builder is fully drawn. The replica's own wirings draw synchronously; a
 * node-editor library may draw its lines a frame after its nodes (Vue Flow measures its handles
 * first), so tests that read the page wait for this, as a person waits for the lines to show.
 * Kept beside the document (never in the page).
 */
interface Drawing {
  promise: Promise<number>;
  finish(): void;
}

const drawings = new WeakMap<Document, Drawing>();

/** A drawing starts now; `finish` once its last element is in the page. */
export function drawn(doc: Document): { finish(): void } {
  const view = doc.defaultView;
  let finish = () => {};
  const promise = new Promise<number>((resolve) => {
    finish = () => resolve(view?.performance.now() ?? 0);
  });
  drawings.set(doc, { promise, finish });
  return { finish };
}

/**
 * The page time at which the latest drawing finished, or null for a page drawn synchronously
 * (complete when the render that drew it returned).
 */
export function whenDrawn(doc: Document = document): Promise<number | null> {
  return drawings.get(doc)?.promise ?? Promise.resolve(null);
}
