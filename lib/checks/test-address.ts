/**
 * A fresh plus-addressed test address, `name+kartra-<sequence id>-<yyyymmdd-hhmm>@domain`
 * (UTC): a contact can be in a sequence only once, so every test run needs a new address, and
 * `name+tag@domain` lands in the same inbox as `name@domain`. An existing plus tag is replaced,
 * not stacked. Returns null when `address` is not an email address.
 */
export function freshTestAddress(address: string, sequenceId: string, now: Date): string | null {
  const match = /^([^\s@+]+)(?:\+[^\s@]*)?@([^\s@]+\.[^\s@]+)$/.exec(address.trim());
  if (!match) return null;
  const [, name, domain] = match;
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 16).replace(':', '')}`;
  const id = sequenceId.replace(/[^A-Za-z0-9-]/g, '') || 'sequence';
  return `${name}+kartra-${id}-${stamp}@${domain}`;
}

/** An example to adapt when the user has not set an address. */
export const EXAMPLE_TEST_ADDRESS = 'yourname@gmail.com';
