/** The part of Drawflow's API (npm `drawflow`, which ships no types) the replica uses. */
declare module 'drawflow' {
  export default class Drawflow {
    constructor(container: HTMLElement);
    editor_mode: 'edit' | 'fixed' | 'view';
    reroute: boolean;
    start(): void;
    addNode(
      name: string,
      inputs: number,
      outputs: number,
      x: number,
      y: number,
      className: string,
      data: object,
      html: string,
    ): number;
    addConnection(output: number, input: number, outputClass: string, inputClass: string): void;
    updateConnectionNodes(id: string): void;
    clear(): void;
  }
}
