import {
  type AnchorSpec,
  type BrowserJsPlumbInstance,
  type Connection,
  type Endpoint,
  type EndpointOptions,
  EVENT_CONNECTION,
  EVENT_CONNECTION_DETACHED,
  EVENT_CONNECTION_MOVED,
  EVENT_DRAG_STOP,
  newInstance,
} from '@jsplumb/browser-ui';
import { anchorOf, LINE_LOOK, type Port, type WiredLine, type Wiring, type WiringOptions } from './wiring';

const NODE_STYLE = { fill: LINE_LOOK.nodeFree, stroke: LINE_LOOK.nodeBorder, strokeWidth: 2 };
const NODE_HOVER = { fill: LINE_LOOK.nodeFreeHover, stroke: LINE_LOOK.nodeBorder, strokeWidth: 2 };

const portKey = (port: Port) => `${port.ref}:${port.role}`;

/** Nodes and lines drawn by @jsplumb/browser-ui, exactly as that library renders them. */
export function jsPlumbWiring(canvas: HTMLElement, nodeClass: string, options: WiringOptions): Wiring {
  const instance: BrowserJsPlumbInstance = newInstance({
    container: canvas,
    connector: { type: 'Bezier', options: { curviness: LINE_LOOK.curviness, gap: 9 } },
    paintStyle: { stroke: LINE_LOOK.stroke, strokeWidth: LINE_LOOK.strokeWidth },
    hoverPaintStyle: { stroke: LINE_LOOK.hoverStroke, strokeWidth: LINE_LOOK.hoverStrokeWidth },
    connectionOverlays: [{ type: 'Arrow', options: { location: 1, ...LINE_LOOK.arrow } }],
    endpoint: { type: 'Dot', options: { radius: LINE_LOOK.nodeRadius } },
    endpointStyle: NODE_STYLE,
    endpointHoverStyle: NODE_HOVER,
    dragOptions: { filter: options.dragFilter, cursor: 'move' },
    // jsPlumb's ResizeObserver revalidates every card on its first observation: opening 1,000
    // steps took 74-214 s with it, ~10 s without. A card changes size only when (de)activated,
    // and the menu revalidates it then.
    resizeObserver: false,
  });
  instance.setZoom(options.zoom);
  const ports = new Map<Endpoint, Port>();
  const endpoints = new Map<string, Endpoint>();

  instance.bind(EVENT_CONNECTION, options.events.linesChanged);
  instance.bind(EVENT_CONNECTION_DETACHED, options.events.linesChanged);
  instance.bind(EVENT_CONNECTION_MOVED, options.events.linesChanged);
  instance.bind(EVENT_DRAG_STOP, options.events.dragStopped);

  return {
    addNode(element, port) {
      const endpointOptions: EndpointOptions<Element> = {
        anchor: anchorOf(options.orientation, port.role) as AnchorSpec,
        cssClass: nodeClass,
        paintStyle: NODE_STYLE,
        hoverPaintStyle: NODE_HOVER,
      };
      if (port.role === 'in') Object.assign(endpointOptions, { target: true, maxConnections: -1 });
      else Object.assign(endpointOptions, { source: true, maxConnections: 1, connectionsDetachable: true });
      const endpoint = instance.addEndpoint(element, endpointOptions);
      ports.set(endpoint, port);
      endpoints.set(portKey(port), endpoint);
    },
    connect(from, to) {
      const source = endpoints.get(portKey(from));
      const target = endpoints.get(portKey(to));
      if (source && target) instance.connect({ source, target });
    },
    lines() {
      const lines: WiredLine[] = [];
      for (const connection of instance.getConnections({}, true) as Connection[]) {
        const from = ports.get(connection.endpoints[0] as Endpoint);
        const to = ports.get(connection.endpoints[1] as Endpoint);
        if (from && to) lines.push({ from, to });
      }
      return lines;
    },
    revalidate(element) {
      instance.revalidate(element);
    },
    setZoom(zoom) {
      instance.setZoom(zoom);
    },
    destroy() {
      instance.destroy();
    },
  };
}
