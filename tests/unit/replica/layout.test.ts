import { describe, expect, it } from 'vitest';
import { layoutTab } from '../../replica/app/layout';
import type { SpecConnection, SpecStep } from '../../replica/spec';

const step = (ref: string, extra: Partial<SpecStep> = {}): SpecStep => ({
  ref,
  kind: 'email',
  active: true,
  title: '',
  delay: { type: 'immediate' },
  window: null,
  ...extra,
});

describe('the automatic layout of a tab', () => {
  const steps = [step('1'), step('2', { kind: 'split' }), step('3'), step('4'), step('5'), step('6')];
  const lines: SpecConnection[] = [
    { from: 'start', to: '1' },
    { from: '1', to: '2' },
    { from: '2', to: '4', branch: 'no' },
    { from: '2', to: '3', branch: 'yes' },
    { from: '5', to: '6' },
  ];

  it('puts steps in columns by their distance from the start, Yes above No', () => {
    const at = layoutTab(steps, lines, true, 'horizontal');
    const x = (ref: string) => at.get(ref)?.x ?? Number.NaN;
    const y = (ref: string) => at.get(ref)?.y ?? Number.NaN;
    expect(x('start')).toBeLessThan(x('1'));
    expect(x('1')).toBeLessThan(x('2'));
    expect(x('3')).toBe(x('4'));
    expect(y('3')).toBeLessThan(y('4'));
    expect(x('2')).toBeLessThan(x('3'));
  });

  it('places steps the lines never reach after the others, keeping their own chain in order', () => {
    const at = layoutTab(steps, lines, true, 'horizontal');
    const x = (ref: string) => at.get(ref)?.x ?? Number.NaN;
    expect(x('5')).toBeGreaterThan(x('3'));
    expect(x('6')).toBeGreaterThan(x('5'));
  });

  it('uses rows instead of columns in vertical layout', () => {
    const at = layoutTab(steps, lines, true, 'vertical');
    expect(at.get('1')?.y).toBeLessThan(at.get('2')?.y ?? 0);
    expect(at.get('3')?.y).toBe(at.get('4')?.y);
    expect(at.get('3')?.x).toBeLessThan(at.get('4')?.x ?? 0);
  });

  it("uses the spec's own x/y when given", () => {
    const placed = [step('1', { x: 700, y: 420 }), step('2')];
    expect(layoutTab(placed, [], true, 'horizontal').get('1')).toEqual({ x: 700, y: 420 });
    expect(layoutTab(placed, [], true, 'vertical').get('1')).toEqual({ x: 420, y: 700 });
  });

  it('lays out a sub-sequence tab from its first step, without a start module', () => {
    const tab = [step('A2'), step('A1')];
    const at = layoutTab(tab, [{ from: 'A1', to: 'A2' }], false, 'horizontal');
    expect(at.has('start')).toBe(false);
    expect(at.get('A1')?.x).toBeLessThan(at.get('A2')?.x ?? 0);
  });

  it('survives loops', () => {
    const loop = [step('1'), step('2')];
    const at = layoutTab(
      loop,
      [
        { from: 'start', to: '1' },
        { from: '1', to: '2' },
        { from: '2', to: '1' },
      ],
      true,
      'horizontal',
    );
    expect(at.size).toBe(3);
  });
});
