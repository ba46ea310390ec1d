import { describe, expect, it } from 'vitest';
import { kartraProfile } from '../../../lib/kartra/profile';
import { forgetWord, suggestedMeaning, taughtWords, teachWords } from '../../../lib/kartra/teach-words';

const words = kartraProfile.words;

describe('teachWords', () => {
  it('reads a wait as the words before the number and the unit after it, in both numbers', () => {
    expect(teachWords(words, ' Delay  of 2 days', 'wait-days')).toEqual({
      ok: true,
      override: { words: { wait: 'Delay of' } },
    });
    expect(teachWords(words, 'Pause 3 hrs', 'wait-hours')).toEqual({
      ok: true,
      override: { words: { wait: 'Pause', hour: ['hour', 'hours', 'hrs', 'hr'] } },
    });
  });

  it('keeps the whole phrase for what has no number', () => {
    expect(teachWords(words, 'Send right away', 'immediate')).toEqual({
      ok: true,
      override: { words: { immediate: 'Send right away' } },
    });
    expect(teachWords(words, 'Whenever', 'any-window')).toEqual({
      ok: true,
      override: { words: { anyTime: 'Whenever' } },
    });
    expect(teachWords(words, 'All contacts', 'anyone')).toEqual({
      ok: true,
      override: { words: { anyoneRecipients: 'All contacts' } },
    });
  });

  it('says why a phrase cannot be a wait this version reads', () => {
    for (const phrase of ['2 days later', 'Delay of two days', 'Wait 2 days 3 hours', '']) {
      const taught = teachWords(words, phrase, 'wait-days');
      expect(taught.ok, phrase).toBe(false);
    }
    const taught = teachWords(words, '2 days later', 'wait-days');
    expect(taught.ok ? '' : taught.problem).toContain('"2 days later" is not words, one number and a unit');
  });
});

describe('suggestedMeaning', () => {
  it('offers hours for a wait counted in hours, days otherwise, and the first meaning elsewhere', () => {
    expect(suggestedMeaning('timing-unread', 'Delay of 3 hours', words)).toBe('wait-hours');
    expect(suggestedMeaning('timing-unread', 'Delay of 1 day', words)).toBe('wait-days');
    expect(suggestedMeaning('timing-unread', 'At once', words)).toBe('immediate');
    expect(suggestedMeaning('window-unread', 'Whenever', words)).toBe('any-window');
    expect(suggestedMeaning('title-missing', '', words)).toBeNull();
  });
});

describe('the words a user taught, as the options page lists and forgets them', () => {
  const override = {
    card: { fields: { timing: '.delay' } },
    words: { wait: 'Delay of', day: ['day', 'days'], anyTime: 'Whenever' },
  };

  it('lists the words that differ from the built-in ones', () => {
    expect(taughtWords(override, words)).toEqual([
      { key: 'wait', value: 'Delay of' },
      { key: 'anyTime', value: 'Whenever' },
    ]);
    expect(taughtWords(null, words)).toEqual([]);
  });

  it('forgets one word and keeps the rest of the override, or leaves nothing', () => {
    expect(forgetWord(override, 'wait')).toEqual({
      card: { fields: { timing: '.delay' } },
      words: { day: ['day', 'days'], anyTime: 'Whenever' },
    });
    expect(forgetWord({ words: { wait: 'Delay of' } }, 'wait')).toBeNull();
  });
});
