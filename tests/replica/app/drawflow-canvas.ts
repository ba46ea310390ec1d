import Drawflow from 'drawflow';
import type { LibraryCanvas } from './canvas';

/**
 * A tab drawn by Drawflow (npm `drawflow`, a node editor without a framework): each card inside
 * the library's node box, its inputs and outputs as the library's circles beside the box's left
 * and right edges (a split's outputs one above the other), each line an SVG of its own beside
 * the nodes under the library's pane. Drawflow draws left to right only, and synchronously.
 */
export const drawflowCanvas: LibraryCanvas = (host, tab) => {
  const editor = new Drawflow(host);
  editor.reroute = false;
  editor.editor_mode = 'fixed';
  editor.start();
  const ids = new Map<string, number>();
  for (const item of tab.items) {
    const id = editor.addNode(
      item.ref,
      item.input ? 1 : 0,
      item.outputs.length,
      item.position.x,
      item.position.y,
      '',
      {},
      '',
    );
    ids.set(item.ref, id);
    // The library places the node; the card is its content.
    item.element.style.position = 'relative';
    host.querySelector(`#node-${id} .drawflow_content_node`)?.appendChild(item.element);
  }
  for (const line of tab.lines) {
    const from = tab.items.find((item) => item.ref === line.from);
    const output = from?.outputs.indexOf(line.fromRole) ?? -1;
    const a = ids.get(line.from);
    const b = ids.get(line.to);
    if (a === undefined || b === undefined || output < 0) continue;
    editor.addConnection(a, b, `output_${output + 1}`, 'input_1');
  }
  // Cards made the boxes larger than when the lines' ends were first placed.
  for (const id of ids.values()) editor.updateConnectionNodes(`node-${id}`);
  return () => editor.clear();
};
