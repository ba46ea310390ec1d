/** Step references as the builder numbers them: 1, 2, 10 on the main flow, A1, B2 on sub-sequences. */

/** The Starting Rules module's reference in connections and findings. */
export const START = 'start';

const SUB_REF = /^([A-Z])(\d+)$/;
const MAIN_REF = /^\d+$/;

/** The sub-sequence letter of a step reference ("A" for "A3"), or null for the main flow. */
export function subsequenceLetter(ref: string): string | null {
  return SUB_REF.exec(ref)?.[1] ?? null;
}

/** Orders references as the builder numbers them: 1, 2, 10, then A1, A2, B1; anything else last. */
export function compareRefs(a: string, b: string): number {
  const rank = (ref: string): [number, string, number] => {
    if (ref === START) return [0, '', 0];
    if (MAIN_REF.test(ref)) return [1, '', Number(ref)];
    const sub = SUB_REF.exec(ref);
    if (sub) return [2, sub[1] ?? '', Number(sub[2])];
    return [3, ref, 0];
  };
  const [ga, la, na] = rank(a);
  const [gb, lb, nb] = rank(b);
  if (ga !== gb) return ga - gb;
  if (la !== lb) return la < lb ? -1 : 1;
  return na - nb;
}
