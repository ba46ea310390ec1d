import { describe, expect, it } from 'vitest';
import {
  auditedFrame,
  type FrameAudit,
  withFrameAudit,
} from '../../../../lib/extension/background/tab-frames';

const audit = (kind: FrameAudit['kind'], text = ''): FrameAudit => ({
  kind,
  badge: { text, color: '#d93025' },
});

describe('which frame of a tab is audited', () => {
  it('is the frame that holds the builder, over the top frame showing another Kartra page', () => {
    let frames = withFrameAudit(undefined, 0, audit('other'), true);
    frames = withFrameAudit(frames, 7, audit('editor', '3'), true);
    expect(auditedFrame(frames)).toBe(7);
    expect(frames['7']?.badge.text).toBe('3');
  });

  it('prefers a builder it could not read to the list, and the top frame among equals', () => {
    expect(auditedFrame({ '4': audit('list'), '9': audit('unrecognised') })).toBe(9);
    expect(auditedFrame({ '3': audit('editor'), '0': audit('editor') })).toBe(0);
    expect(auditedFrame({})).toBeNull();
    expect(auditedFrame(undefined)).toBeNull();
  });

  it('forgets the frames of the previous page when the top frame starts a new visit', () => {
    const before = withFrameAudit({ '0': audit('other') }, 5, audit('editor', '2'), true);
    const after = withFrameAudit(before, 0, audit('list'), true);
    expect(Object.keys(after)).toEqual(['0']);
    // A sub-frame's new visit (its own navigation) keeps what the others said.
    expect(Object.keys(withFrameAudit(before, 5, audit('editor'), true)).sort()).toEqual(['0', '5']);
  });
});
