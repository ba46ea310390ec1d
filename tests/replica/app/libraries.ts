import { registerLibraryCanvas } from './canvas';
import { drawflowCanvas } from './drawflow-canvas';
import { vueFlowCanvas } from './vue-flow-canvas';

/**
 * The replica's bundle for the skins drawn by node-editor libraries from npm (Vue Flow, Drawflow):
 * the app with those libraries added. A bundle apart, so the pages of every other skin do not
 * carry them.
 */
registerLibraryCanvas('vue-flow', vueFlowCanvas);
registerLibraryCanvas('drawflow', drawflowCanvas);

export * from './main';
