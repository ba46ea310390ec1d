import { describe, expect, it } from 'vitest';
import { anchorOf } from '../../replica/app/wiring';
import { bezierPath } from '../../replica/app/wiring-svg';

/**
 * The plain SVG skin draws its lines with jsPlumb's geometry. These paths were read from the
 * default skin's jsPlumb lines (tests/replica/examples/small.json, canvas coordinates: the
 * connector's position plus its path's translate and points); the end-to-end skin test compares
 * every line of every example in the browser.
 */
describe('bezierPath draws jsPlumb Bezier lines (curviness 70)', () => {
  const horizontalOut = anchorOf('horizontal', 'out');
  const horizontalIn = anchorOf('horizontal', 'in');
  const verticalOut = anchorOf('vertical', 'out');
  const verticalIn = anchorOf('vertical', 'in');

  it.each([
    ['down and right', { x: 270, y: 76 }, { x: 370, y: 104.5 }, 'M 270 76 C 340 86 300 94.5 370 104.5'],
    ['level', { x: 620, y: 104.5 }, { x: 700, y: 104.5 }, 'M 620 104.5 C 690 94.5 630 94.5 700 104.5'],
    [
      'up and right',
      { x: 950, y: 104.5 },
      { x: 1030, y: 95.5 },
      'M 950 104.5 C 1020 94.5 960 105.5 1030 95.5',
    ],
  ])('horizontal, %s', (_, start, end, d) => {
    expect(bezierPath(start, horizontalOut, end, horizontalIn)).toBe(d);
  });

  it.each([
    ['down and right', { x: 155, y: 112 }, { x: 165, y: 310 }, 'M 155 112 C 145 182 175 240 165 310'],
    ['straight down', { x: 165, y: 439 }, { x: 165, y: 580 }, 'M 165 439 C 155 509 155 510 165 580'],
  ])('vertical, %s', (_, start, end, d) => {
    expect(bezierPath(start, verticalOut, end, verticalIn)).toBe(d);
  });

  it('a split output leaves along its edge like any output', () => {
    expect(bezierPath({ x: 0, y: 30 }, anchorOf('horizontal', 'yes'), { x: 100, y: 50 }, horizontalIn)).toBe(
      'M 0 30 C 70 40 30 40 100 50',
    );
  });
});
