import {
  type Anchor,
  anchorOf,
  LINE_LOOK,
  type Port,
  type WiredLine,
  type Wiring,
  type WiringOptions,
} from './wiring';

/**
 * Nodes and lines without jsPlumb, as a Vue builder might draw them: one <svg> layer in the
 * canvas holding a cubic Bézier <path> per line (arrow head as an SVG marker), and a plain <div>
 * per node whose linked state is only its colour (grey free, yellow linked), no class. The
 * geometry is jsPlumb's, so a line starts and ends where the default skin's does.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** jsPlumb's Bézier bends its control points this far across the line, toward or away from the other end. */
const MINOR_BEND = 10;
/** How near (in canvas pixels) a release must be to an input node to land on it: the node's radius plus its border. */
const DROP_RADIUS = LINE_LOOK.nodeRadius + 2;

export interface SvgClasses {
  layer: string;
  line: string;
  node: string;
}

interface ConnectionNode {
  element: HTMLElement;
  owner: HTMLElement;
  port: Port;
  anchor: Anchor;
}

interface Line {
  from: ConnectionNode;
  /** Null while its end is being dragged. */
  to: ConnectionNode | null;
  drawing: LineDrawing;
}

/** One line as the layer draws it, from its path data. */
interface LineDrawing {
  draw(d: string): void;
  remove(): void;
}

/** The layer lines are drawn on. */
interface Surface {
  add(): LineDrawing;
}

interface Point {
  x: number;
  y: number;
}

/**
 * jsPlumb's control point for one end of a Bézier line (measured on its Bezier connector): along
 * the anchor's direction by the curviness, and 10 px across. Across, a horizontal line bends
 * toward the other end, a vertical one away from it (ties bend up or left).
 */
export function controlPoint(end: Point, direction: Anchor, other: Point): Point {
  const [, , ox, oy] = direction;
  const toward = (a: number, b: number) => (a < b ? MINOR_BEND : -MINOR_BEND);
  const away = (a: number, b: number) => (a > b ? MINOR_BEND : -MINOR_BEND);
  return {
    x: ox !== 0 ? end.x + LINE_LOOK.curviness * ox : end.x + away(end.x, other.x),
    y: oy !== 0 ? end.y + LINE_LOOK.curviness * oy : end.y + toward(end.y, other.y),
  };
}

/** The path data of a line from `start` (leaving along `startAnchor`) to `end` (entering along `endAnchor`). */
export function bezierPath(start: Point, startAnchor: Anchor, end: Point, endAnchor: Anchor): string {
  const c1 = controlPoint(start, startAnchor, end);
  const c2 = controlPoint(end, endAnchor, start);
  return `M ${start.x} ${start.y} C ${c1.x} ${c1.y} ${c2.x} ${c2.y} ${end.x} ${end.y}`;
}

/**
 * Where the lines go: `svg` draws a <path> per line in an <svg> layer; `canvas` paints them on a
 * <canvas> layer, as canvas-based diagram libraries do (pixels only, no element per line).
 * `nodes` is where the node elements go: the canvas itself, or a nodes layer beside the lines'
 * layer (Vue Flow's `.vue-flow__nodes` beside `.vue-flow__edges`).
 */
export interface SvgLayout {
  paint: 'svg' | 'canvas';
  nodes: HTMLElement;
}

export function svgWiring(
  doc: Document,
  canvas: HTMLElement,
  classes: SvgClasses,
  options: WiringOptions,
  layout: SvgLayout = { paint: 'svg', nodes: canvas },
): Wiring {
  let zoom = options.zoom;
  const surface =
    layout.paint === 'canvas' ? canvasSurface(doc, canvas, classes) : svgSurface(doc, canvas, classes);

  const nodes: ConnectionNode[] = [];
  const lines: Line[] = [];

  const anchorPoint = (node: ConnectionNode): Point => ({
    x: node.owner.offsetLeft + node.anchor[0] * node.owner.offsetWidth,
    y: node.owner.offsetTop + node.anchor[1] * node.owner.offsetHeight,
  });
  const placeNode = (node: ConnectionNode) => {
    const at = anchorPoint(node);
    const size = node.element.offsetWidth || 2 * (LINE_LOOK.nodeRadius + 1);
    node.element.style.left = `${at.x - size / 2}px`;
    node.element.style.top = `${at.y - size / 2}px`;
  };
  const paintNode = (node: ConnectionNode) => {
    const linked = lines.some((line) => line.from === node || line.to === node);
    node.element.style.backgroundColor = linked ? LINE_LOOK.nodeLinked : LINE_LOOK.nodeFree;
  };
  const inputAnchor = anchorOf(options.orientation, 'in');
  const drawLine = (line: Line, loose?: Point) => {
    const end = line.to ? anchorPoint(line.to) : (loose as Point);
    line.drawing.draw(
      bezierPath(anchorPoint(line.from), line.from.anchor, end, line.to?.anchor ?? inputAnchor),
    );
  };
  const newLine = (from: ConnectionNode, to: ConnectionNode | null): Line => {
    const line = { from, to, drawing: surface.add() };
    lines.push(line);
    return line;
  };
  const removeLine = (line: Line) => {
    lines.splice(lines.indexOf(line), 1);
    line.drawing.remove();
  };
  const repaint = (owner?: HTMLElement) => {
    for (const node of nodes) if (!owner || node.owner === owner) placeNode(node);
    for (const line of lines)
      if (!owner || line.from.owner === owner || line.to?.owner === owner) drawLine(line);
    for (const node of nodes) paintNode(node);
  };
  /** Where the mouse is, in the canvas's own (unzoomed) pixels. */
  const canvasPoint = (event: MouseEvent): Point => {
    const box = canvas.getBoundingClientRect();
    return { x: (event.clientX - box.left) / zoom, y: (event.clientY - box.top) / zoom };
  };
  const inputAt = (point: Point): ConnectionNode | null =>
    nodes.find((node) => {
      if (node.port.role !== 'in') return false;
      const at = anchorPoint(node);
      return Math.hypot(at.x - point.x, at.y - point.y) <= DROP_RADIUS;
    }) ?? null;

  let stopDragging: (() => void) | null = null;
  /** Follows the mouse until it is released; `move` and `release` get canvas points. */
  const track = (start: MouseEvent, move: (point: Point) => void, release: (point: Point) => void) => {
    start.preventDefault();
    const onMove = (event: MouseEvent) => move(canvasPoint(event));
    const onUp = (event: MouseEvent) => {
      finish();
      release(canvasPoint(event));
    };
    const finish = () => {
      doc.removeEventListener('mousemove', onMove);
      doc.removeEventListener('mouseup', onUp);
      stopDragging = null;
    };
    doc.addEventListener('mousemove', onMove);
    doc.addEventListener('mouseup', onUp);
    stopDragging = finish;
  };

  /** A loose line end follows the mouse; released on an input node it lands there, elsewhere it goes. */
  const dragEnd = (event: MouseEvent, line: Line, before: ConnectionNode | null) => {
    track(
      event,
      (point) => drawLine(line, point),
      (point) => {
        const target = inputAt(point);
        if (target && target.owner !== line.from.owner) {
          line.to = target;
          drawLine(line);
        } else removeLine(line);
        repaint();
        if (line.to !== before) options.events.linesChanged();
      },
    );
    line.to = null;
    drawLine(line, canvasPoint(event));
    repaint();
  };

  const pressNode = (event: MouseEvent, node: ConnectionNode) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    if (node.port.role === 'in') {
      const attached = lines.filter((line) => line.to === node).at(-1);
      if (attached) dragEnd(event, attached, node);
      return;
    }
    // An output holds one line, as jsPlumb's maxConnections: 1 does.
    if (lines.some((line) => line.from === node)) return;
    dragEnd(event, newLine(node, null), null);
  };

  const pressCard = (event: MouseEvent, owner: HTMLElement) => {
    if (event.button !== 0 || (event.target as Element).closest(options.dragFilter)) return;
    const grab = canvasPoint(event);
    const left = Number.parseFloat(owner.style.left) || 0;
    const top = Number.parseFloat(owner.style.top) || 0;
    track(
      event,
      (point) => {
        owner.style.left = `${left + point.x - grab.x}px`;
        owner.style.top = `${top + point.y - grab.y}px`;
        repaint(owner);
      },
      () => options.events.dragStopped(),
    );
  };

  const owners = new Set<HTMLElement>();
  return {
    addNode(owner, port) {
      const element = doc.createElement('div');
      element.className = classes.node;
      layout.nodes.appendChild(element);
      const node: ConnectionNode = { element, owner, port, anchor: anchorOf(options.orientation, port.role) };
      nodes.push(node);
      element.addEventListener('mousedown', (event) => pressNode(event, node));
      if (!owners.has(owner)) {
        owners.add(owner);
        owner.addEventListener('mousedown', (event) => pressCard(event, owner));
      }
      placeNode(node);
      paintNode(node);
    },
    connect(from, to) {
      const find = (port: Port) => nodes.find((n) => n.port.ref === port.ref && n.port.role === port.role);
      const source = find(from);
      const target = find(to);
      if (!source || !target) return;
      drawLine(newLine(source, target));
      paintNode(source);
      paintNode(target);
    },
    lines() {
      return lines.flatMap((line): WiredLine[] =>
        line.to ? [{ from: line.from.port, to: line.to.port }] : [],
      );
    },
    revalidate(element) {
      repaint(element);
    },
    setZoom(next) {
      zoom = next;
    },
    destroy() {
      stopDragging?.();
    },
  };
}

/** An <svg> layer in the canvas: one <path> per line, the arrow head as a marker. */
function svgSurface(doc: Document, canvas: HTMLElement, classes: SvgClasses): Surface {
  const layer = doc.createElementNS(SVG_NS, 'svg');
  layer.setAttribute('class', classes.layer);
  const markerId = `${classes.line}-arrow`;
  const { width, length, foldback } = LINE_LOOK.arrow;
  const marker = doc.createElementNS(SVG_NS, 'marker');
  for (const [name, value] of Object.entries({
    id: markerId,
    markerUnits: 'userSpaceOnUse',
    markerWidth: String(length),
    markerHeight: String(width),
    refX: String(length),
    refY: String(width / 2),
    orient: 'auto',
  }))
    marker.setAttribute(name, value);
  const head = doc.createElementNS(SVG_NS, 'path');
  head.setAttribute(
    'd',
    `M ${length} ${width / 2} L 0 0 L ${length * (1 - foldback)} ${width / 2} L 0 ${width} Z`,
  );
  head.setAttribute('fill', LINE_LOOK.stroke);
  marker.appendChild(head);
  const defs = doc.createElementNS(SVG_NS, 'defs');
  defs.appendChild(marker);
  layer.appendChild(defs);
  canvas.appendChild(layer);
  return {
    add() {
      const path = doc.createElementNS(SVG_NS, 'path');
      path.setAttribute('class', classes.line);
      path.setAttribute('marker-end', `url(#${markerId})`);
      layer.appendChild(path);
      return {
        draw: (d) => path.setAttribute('d', d),
        remove: () => path.remove(),
      };
    },
  };
}

/**
 * A <canvas> layer under the cards, as canvas-based diagram libraries paint lines: every line and
 * arrow head is pixels, repainted whole after a change; nothing in the page stands for one line.
 */
function canvasSurface(doc: Document, canvas: HTMLElement, classes: SvgClasses): Surface {
  const layer = doc.createElement('canvas');
  layer.className = classes.layer;
  Object.assign(layer.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  canvas.appendChild(layer);
  const drawn = new Set<{ d: string }>();
  let queued = false;
  const paint = () => {
    queued = false;
    // The canvas element covers the builder's canvas, which grows with its cards.
    const width = Math.max(1, canvas.offsetWidth);
    const height = Math.max(1, canvas.offsetHeight);
    layer.width = width;
    layer.height = height;
    layer.style.width = `${width}px`;
    layer.style.height = `${height}px`;
    const g = layer.getContext('2d');
    if (!g) return;
    g.clearRect(0, 0, width, height);
    g.strokeStyle = LINE_LOOK.stroke;
    g.fillStyle = LINE_LOOK.stroke;
    g.lineWidth = LINE_LOOK.strokeWidth;
    g.lineCap = 'round';
    for (const line of drawn) {
      if (line.d === '') continue;
      g.stroke(new Path2D(line.d));
      const n = line.d.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
      if (n.length < 8) continue;
      const [cx, cy, ex, ey] = n.slice(-4) as [number, number, number, number];
      const angle = Math.atan2(ey - cy, ex - cx);
      const { width: w, length } = LINE_LOOK.arrow;
      g.beginPath();
      g.moveTo(ex, ey);
      g.lineTo(
        ex - length * Math.cos(angle) + (w / 2) * Math.sin(angle),
        ey - length * Math.sin(angle) - (w / 2) * Math.cos(angle),
      );
      g.lineTo(
        ex - length * Math.cos(angle) - (w / 2) * Math.sin(angle),
        ey - length * Math.sin(angle) + (w / 2) * Math.cos(angle),
      );
      g.closePath();
      g.fill();
    }
  };
  // Painted once the canvas has its size: after the whole build, or after a drag step.
  const repaint = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(paint);
  };
  // Sized to the builder's canvas with no line yet too, as a diagram library sizes its own.
  repaint();
  return {
    add() {
      const line = { d: '' };
      drawn.add(line);
      return {
        draw(d) {
          line.d = d;
          repaint();
        },
        remove() {
          drawn.delete(line);
          repaint();
        },
      };
    },
  };
}
