import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withAccepted } from '../../../../lib/accepted/accepted';
import { loadActiveConfig } from '../../../../lib/extension/background/active-config-loader';
import {
  acceptedSetAsideItem,
  loadAccepted,
  saveAccepted,
} from '../../../../lib/extension/storage/accepted-store';

const finding = { ruleId: 'version-draft', kind: 'fail' as const, steps: ['3'] };
const NOW = new Date('2026-12-01T09:00:00Z');

describe('the accepted findings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps what the popup accepted in local storage, and the content script is given it', async () => {
    expect(await loadAccepted()).toEqual({ accepted: {}, notice: null });
    await saveAccepted(withAccepted({}, '42', finding, 'a draft on purpose', NOW));
    expect((await storage.getItem<object>('local:acceptedFindings')) !== null).toBe(true);
    const config = await loadActiveConfig();
    expect(config.accepted['42']?.[0]).toMatchObject({
      ruleId: 'version-draft',
      reason: 'a draft on purpose',
    });
    expect(config.notices).toEqual([]);
  });

  it('applies none of an unreadable stored value, names the field, and sets it aside before overwriting it', async () => {
    const older = { version: 2, sequences: { '42': [{ rule: 'version-draft' }] } };
    await storage.setItem('local:acceptedFindings', older);
    const loaded = await loadAccepted();
    expect(loaded.accepted).toEqual({});
    expect(loaded.notice).toMatch(/accepted findings.*version/);
    expect((await loadActiveConfig()).notices.join('\n')).toMatch(/accepted findings/);
    // Still there, untouched, until the user accepts something: then kept apart.
    expect(await storage.getItem('local:acceptedFindings')).toEqual(older);
    await saveAccepted(withAccepted({}, '7', finding, '', NOW));
    expect(await acceptedSetAsideItem.getValue()).toEqual(older);
    expect((await loadAccepted()).accepted['7']).toHaveLength(1);
  });

  it('refuses to store what would not read back', async () => {
    const bad = { '42': [{ ...finding, reason: 'x', acceptedAt: 'yesterday' }] };
    await expect(saveAccepted(bad)).rejects.toThrow();
    expect(await storage.getItem('local:acceptedFindings')).toBeNull();
  });
});
