import { describe, expect, it } from 'vitest';
import { flowCoverage } from '../../../lib/flow/coverage';
import type { Diagnostic } from '../../../lib/model/model';
import { chain, complete, email, LINES_ON_A_CANVAS, sequence } from '../checks/model-builder';

const flow = (init: Parameters<typeof sequence>[0] = {}) =>
  sequence({ steps: [email('1'), complete('2')], connections: chain('start', '1', '2'), ...init });

const untraced: Diagnostic = {
  code: 'line-untraced',
  where: 'canvas',
  expected: 'both ends of a line',
};

describe('flowCoverage', () => {
  it('a flow read whole', () => {
    const c = flowCoverage(flow(), true, []);
    expect(c).toMatchObject({ complete: true, linesUncertain: false, wholeFlowRead: true, tabsNotSeen: [] });
  });

  it('names the tabs not opened, and is not complete without the Starting Rules module', () => {
    expect(
      flowCoverage(flow({ tabs: { all: ['Main', 'A'], seen: ['Main'] } }), true, []).tabsNotSeen,
    ).toEqual(['A']);
    expect(flowCoverage(flow(), false, [])).toMatchObject({ complete: false, wholeFlowRead: false });
  });

  it('counts untraced lines, and knows when no line was read at all and why', () => {
    expect(flowCoverage(flow({ diagnostics: [untraced, untraced] }), true, [])).toMatchObject({
      untracedLines: 2,
      linesUncertain: true,
      wholeFlowRead: false,
    });
    const unread = flowCoverage(flow({ diagnostics: [LINES_ON_A_CANVAS] }), true, []);
    expect(unread).toMatchObject({
      connectionsUnread: true,
      connectionsUnreadReason: LINES_ON_A_CANVAS.found,
    });
  });

  it('a Go To whose target was not read leaves the flow unread', () => {
    expect(flowCoverage(flow(), true, ['1']).wholeFlowRead).toBe(false);
  });
});
