import { Handle, MarkerType, Position, VueFlow } from '@vue-flow/core';
import { type Component, createApp, defineComponent, h, nextTick, onMounted, type PropType, ref } from 'vue';
import type { DrawnItem, LibraryCanvas } from './canvas';
import { drawn } from './drawn';

/**
 * A tab drawn by Vue Flow (@vue-flow/core, a Vue 3 node editor), as Kartra's Vue app might draw
 * its builder: each card inside the library's node wrapper, its handles on the wrapper's edges,
 * the lines as the library's own Bézier edges in an SVG layer beside the nodes' layer, both
 * under the library's transformation pane. Nothing here shapes the library's markup: the
 * library renders, the replica only hands it the cards and the lines.
 */
const StepNode = defineComponent({
  props: {
    data: { type: Object as PropType<{ item: DrawnItem; vertical: boolean }>, required: true },
  },
  setup(props) {
    const host = ref<HTMLElement | null>(null);
    onMounted(() => {
      const { element } = props.data.item;
      // The library places the node; the card is its content.
      element.style.position = 'relative';
      host.value?.prepend(element);
    });
    return () => {
      const { item, vertical } = props.data;
      const across = (role: string) => (role === 'yes' ? '30%' : role === 'no' ? '70%' : '50%');
      const handles = [
        ...(item.input
          ? [h(Handle, { id: 'in', type: 'target', position: vertical ? Position.Top : Position.Left })]
          : []),
        ...item.outputs.map((role) =>
          h(Handle, {
            id: role,
            type: 'source',
            position: vertical ? Position.Bottom : Position.Right,
            style: vertical ? { left: across(role) } : { top: across(role) },
          }),
        ),
      ];
      return h('div', { ref: host }, handles);
    };
  },
});

export const vueFlowCanvas: LibraryCanvas = (host, tab) => {
  const vertical = tab.orientation === 'vertical';
  const done = drawn(host.ownerDocument);
  const app = createApp({
    render: () =>
      // VueFlow's own typing of its events does not fit h()'s; the props are its documented ones.
      h(VueFlow as Component, {
        nodes: tab.items.map((item) => ({
          id: item.ref,
          type: 'step',
          position: item.position,
          data: { item, vertical },
        })),
        edges: tab.lines.map((line, i) => ({
          id: `e${i}`,
          source: line.from,
          sourceHandle: line.fromRole,
          target: line.to,
          targetHandle: 'in',
          markerEnd: MarkerType.ArrowClosed,
        })),
        nodeTypes: { step: StepNode },
        // The page scrolls the builder, as the other skins' canvas does.
        panOnDrag: false,
        zoomOnScroll: false,
        zoomOnPinch: false,
        zoomOnDoubleClick: false,
        preventScrolling: false,
        nodesDraggable: false,
        nodesConnectable: false,
        elementsSelectable: false,
        // Edges appear once the library has measured every node's handles: the drawing is done
        // after the render that follows.
        onNodesInitialized: () => nextTick().then(done.finish),
      }),
  });
  app.mount(host);
  if (tab.items.length === 0) done.finish();
  return () => app.unmount();
};
