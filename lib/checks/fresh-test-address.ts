import { EXAMPLE_TEST_ADDRESS, freshTestAddress } from './test-address';
import { defineRule } from './types';

const meta = {
  id: 'fresh-test-address',
  severity: 'info',
  title: 'Test with a fresh address',
  description:
    'A contact can be in a given sequence only once; subscribing the same address again does nothing. Each test run needs an address that has never been in this sequence.',
  fix: 'Test with a fresh address each time: plus-addressing (name+test7@gmail.com) gives a new address that lands in the same inbox.',
  messages: {
    freshAddress:
      'A contact can be in this sequence only once: test with a fresh address, for example {{address}}.',
  },
  fixes: {
    yourAddress: 'Subscribe {{address}}: it is new to Kartra but lands in your inbox.',
    exampleAddress:
      'Subscribe a fresh plus-addressed address such as {{address}} (set your own address in the settings to get one ready-made).',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  if (!ctx.sequence) return [];
  const own = freshTestAddress(ctx.settings.testAddress, ctx.sequence.id, ctx.now);
  const address = own ?? freshTestAddress(EXAMPLE_TEST_ADDRESS, ctx.sequence.id, ctx.now);
  const fix = own === null ? 'exampleAddress' : 'yourAddress';
  return [report('fail', 'freshAddress', [], { address: String(address) }, { fix })];
});
