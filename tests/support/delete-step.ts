import { type EditorSpec, tabOfRef } from '../replica/spec';

/**
 * The spec after step `ref` is deleted and the steps after it on its tab numbered one lower: the
 * line into it leads where its line out went, Go To steps follow their target's new number. A
 * second visit of the same sequence with boxes deleted and renumbered, for the step map's
 * comparison. Only for a step with at most one line out (not a split).
 */
export function withStepDeleted(spec: EditorSpec, ref: string): EditorSpec {
  const tab = tabOfRef(ref);
  const number = (box: string) => Number(box.replace(/^[A-Z]/, ''));
  const renumbered = (box: string) =>
    box !== 'start' && tabOfRef(box) === tab && number(box) > number(ref)
      ? `${box.replace(/\d+$/, '')}${number(box) - 1}`
      : box;
  const out = spec.connections.filter((line) => line.from === ref);
  if (out.length > 1) throw new Error(`step ${ref} has more than one line out`);
  const kept = spec.connections.filter((line) => line.from !== ref && line.to !== ref);
  const into = spec.connections.filter((line) => line.to === ref);
  const next = out[0]?.to;
  const bridged = next === undefined ? [] : into.map((line) => ({ ...line, to: next }));
  return {
    ...spec,
    steps: spec.steps
      .filter((step) => step.ref !== ref)
      .map((step) => ({
        ...step,
        ref: renumbered(step.ref),
        ...(step.goto === undefined ? {} : { goto: renumbered(step.goto) }),
      })),
    connections: [...kept, ...bridged].map((line) => ({
      ...line,
      from: renumbered(line.from),
      to: renumbered(line.to),
    })),
  };
}
