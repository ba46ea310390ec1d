/**
 * "1 error", "3 errors": the one plural helper of every surface (popup, inline warnings, exports,
 * rule messages). `info` findings are called tips wherever people read them.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
