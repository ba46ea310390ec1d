import { describe, expect, it } from 'vitest';
import { clock12, contactsText, daysText, timingText, windowText } from '../../replica/app/texts';

describe("the replica's texts (docs/replica-markup.md)", () => {
  it('writes timings in Kartra words', () => {
    expect(timingText({ type: 'immediate' })).toBe('Right after previous step');
    expect(timingText({ type: 'wait', days: 2, hours: 3 })).toBe('Wait 2 days 3 hours');
    expect(timingText({ type: 'wait', days: 1, hours: 0 })).toBe('Wait 1 day');
    expect(timingText({ type: 'wait', days: 0, hours: 5 })).toBe('Wait 5 hours');
    expect(timingText({ type: 'wait', days: 0, hours: 0 })).toBe('Wait 0 hours');
    expect(timingText({ type: 'date', at: '2030-12-24T10:00' })).toBe('On Dec 24, 2030 at 10:00 AM');
    expect(timingText({ type: 'date', at: '2031-01-05T00:30' })).toBe('On Jan 5, 2031 at 12:30 AM');
  });

  it('uses a 12-hour clock', () => {
    expect(clock12('09:00')).toBe('9:00 AM');
    expect(clock12('12:00')).toBe('12:00 PM');
    expect(clock12('17:45')).toBe('5:45 PM');
    expect(clock12('00:00')).toBe('12:00 AM');
  });

  it('writes runs of three or more days with an en dash', () => {
    expect(daysText(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('Mon–Fri');
    expect(daysText(['mon', 'wed', 'fri'])).toBe('Mon, Wed, Fri');
    expect(daysText(['sat', 'sun'])).toBe('Sat, Sun');
    expect(daysText(['fri', 'mon', 'tue', 'wed', 'sun'])).toBe('Mon–Wed, Fri, Sun');
    expect(daysText(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).toBe('Every day');
    expect(daysText([])).toBe('No days');
  });

  it('writes windows', () => {
    expect(windowText(null)).toBe('Any day, any time');
    expect(windowText({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' })).toBe(
      'Mon–Fri, 9:00 AM – 5:00 PM',
    );
    expect(windowText({ days: [], from: '09:00', to: '17:00' })).toBe('No days, 9:00 AM – 5:00 PM');
  });

  it('counts contacts', () => {
    expect(contactsText(42)).toBe('42 contacts');
    expect(contactsText(1)).toBe('1 contact');
    expect(contactsText(0)).toBe('0 contacts');
  });
});
