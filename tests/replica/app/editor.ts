import type { EditorSpec, SpecStep, SpecStepKind } from '../spec';
import { closeMenusOnOutsideClick, type MountedCanvas, mountCanvas } from './canvas';
import { append, cls, el, icon, markupOf } from './dom';
import {
  createEditorState,
  type EditorState,
  hasUnsavedChanges,
  markSaved,
  nextRef,
  nextTabLetter,
} from './state';
import { contactsText, KIND_DISPLAY } from './texts';
import { renderTopbar } from './topbar';

const ZOOM_MIN = 0.5;
const ZOOM_MAX = 1.5;
const ZOOM_STEP = 0.1;

/** Kartra shows the action a click would take: pause while running, a green play while paused. */
export function setStatusButton(doc: Document, button: HTMLElement, status: 'active' | 'paused'): void {
  const running = status === 'active';
  button.replaceChildren(icon(doc, running ? 'fa-pause' : 'fa-play', running ? '' : 'text-success'));
  const title = running ? 'Pause sequence' : 'Activate sequence';
  button.title = title;
  button.setAttribute('aria-label', title);
}

function toolButton(doc: Document, className: string, label: string, iconName?: string): HTMLButtonElement {
  const button = el(doc, 'button', `btn_tool ${className}`);
  button.type = 'button';
  if (iconName) button.appendChild(icon(doc, iconName));
  button.appendChild(doc.createTextNode(label));
  return button;
}

/**
 * Renders the sequence builder for an editor spec into `root`; returns what takes it down again
 * (the app opening another page in place).
 */
export function renderEditor(doc: Document, root: HTMLElement, spec: EditorSpec): () => void {
  const state = createEditorState(spec);
  // The skin may open the builder zoomed or in vertical layout, as a user could have left it.
  state.zoom = markupOf(doc).skin.zoom;
  state.orientation = markupOf(doc).skin.orientation;
  const app = el(doc, 'div', 'kartra_app');
  app.appendChild(renderTopbar(doc, 'Marketing › Sequences'));
  const builder = el(doc, 'main', 'sequence_builder js_sequence_builder');

  const toolbar = el(doc, 'div', 'builder_toolbar');
  const names = append(
    el(doc, 'div', 'toolbar_names'),
    el(doc, 'h1', 'sequence_internal_name js_sequence_name', state.name),
    el(
      doc,
      'div',
      'sequence_public_name js_sequence_public_name',
      `Public name: ${state.publicName === '' ? 'Not set' : state.publicName}`,
    ),
  );
  // The live editor may show no status at all (the list page always does).
  const status =
    spec.statusControl !== false ? el(doc, 'button', 'sequence_status_btn js_sequence_status') : null;
  if (status) {
    status.type = 'button';
    setStatusButton(doc, status, state.status);
    status.addEventListener('click', () => {
      state.status = state.status === 'active' ? 'paused' : 'active';
      setStatusButton(doc, status, state.status);
    });
  }
  // Kartra keeps activation and lines only once Save Progress is clicked; the state beside it
  // says whether anything is waiting to be saved.
  const save = toolButton(doc, 'btn_save_progress js_save_progress', 'Save Progress', 'fa-floppy-o');
  const saveState = el(doc, 'span', 'save_state js_save_state');
  saveState.setAttribute('aria-live', 'polite');
  const showSaveState = (justSaved = false) => {
    const unsaved = hasUnsavedChanges(state);
    saveState.textContent = unsaved ? 'Unsaved changes' : justSaved ? 'Progress saved' : 'All changes saved';
    saveState.classList.toggle(cls(doc, 'save_state_unsaved'), unsaved);
    save.classList.toggle(cls(doc, 'btn_save_unsaved'), unsaved);
  };
  save.addEventListener('click', () => {
    markSaved(state);
    showSaveState(true);
  });
  showSaveState();
  const subscribers = append(
    el(doc, 'span', 'sequence_subscribers_wrap'),
    icon(doc, 'fa-users'),
    el(doc, 'span', 'sequence_subscribers js_sequence_subscribers', contactsText(state.subscribers)),
  );
  const horizontal = toolButton(doc, 'js_layout_horizontal', 'Horizontal', 'fa-arrows-h');
  const vertical = toolButton(doc, 'js_layout_vertical', 'Vertical', 'fa-arrows-v');
  const zoomOut = toolButton(doc, 'js_zoom_out', '−');
  zoomOut.setAttribute('aria-label', 'Zoom out');
  const zoomLevel = el(doc, 'span', 'zoom_level js_zoom_level', '100%');
  const zoomIn = toolButton(doc, 'js_zoom_in', '+');
  zoomIn.setAttribute('aria-label', 'Zoom in');
  const done = el(doc, 'a', 'btn_done js_done_exit', 'Done & Exit');
  done.href = '/marketing/sequences';
  toolbar.append(
    names,
    append(
      el(doc, 'div', 'toolbar_controls'),
      ...(status ? [status] : []),
      subscribers,
      append(el(doc, 'div', 'btn_group layout_switch'), horizontal, vertical),
      append(el(doc, 'div', 'btn_group zoom_controls'), zoomOut, zoomLevel, zoomIn),
      append(el(doc, 'div', 'save_progress'), saveState, save),
      done,
    ),
  );
  builder.appendChild(toolbar);

  const tabs = el(doc, 'ul', 'subsequence_tabs');
  builder.appendChild(tabs);

  const palette = el(doc, 'aside', 'step_palette');
  palette.appendChild(el(doc, 'div', 'palette_title', 'Add a step'));
  const viewport = el(doc, 'div', 'builder_viewport js_builder_viewport');
  const canvas = el(doc, 'div', 'builder_canvas js_builder_canvas');
  viewport.appendChild(canvas);
  builder.appendChild(append(el(doc, 'div', 'builder_body'), palette, viewport));
  app.appendChild(builder);
  root.appendChild(app);

  let mounted: MountedCanvas | null = null;
  const applyZoom = () => {
    // A panned view (as Vue Flow keeps its pane) moves the canvas before zooming it.
    const { x, y } = markupOf(doc).skin.pan;
    canvas.style.transform = `${x !== 0 || y !== 0 ? `translate(${x}px, ${y}px) ` : ''}scale(${state.zoom})`;
    zoomLevel.textContent = `${Math.round(state.zoom * 100)}%`;
    mounted?.setZoom(state.zoom);
  };
  const rebuild = () => {
    mounted?.destroy();
    mounted = mountCanvas(doc, canvas, state, () => {
      showSaveState();
      // An app that re-renders with new keys draws every card and line anew, after the event.
      if (markupOf(doc).skin.recreate) setTimeout(rebuild, 0);
    });
    horizontal.classList.toggle(cls(doc, 'active'), state.orientation === 'horizontal');
    vertical.classList.toggle(cls(doc, 'active'), state.orientation === 'vertical');
    applyZoom();
  };
  const renderTabs = () => {
    tabs.replaceChildren();
    for (const tab of state.tabs) {
      const item = el(doc, 'li', 'subsequence_tab js_subsequence_tab', tab);
      item.setAttribute('role', 'tab');
      item.tabIndex = 0;
      item.setAttribute('aria-selected', String(tab === state.tab));
      if (tab === state.tab) item.classList.add(cls(doc, 'active'));
      const select = () => {
        if (state.tab === tab) return;
        state.tab = tab;
        renderTabs();
        rebuild();
      };
      item.addEventListener('click', select);
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') select();
      });
      tabs.appendChild(item);
    }
    const add = el(doc, 'li', 'subsequence_tab_add js_add_subsequence', '+ Add');
    add.tabIndex = 0;
    add.addEventListener('click', () => {
      const letter = nextTabLetter(state.tabs);
      if (!letter) return;
      state.tabs.push(letter);
      state.tab = letter;
      renderTabs();
      rebuild();
    });
    tabs.appendChild(add);
  };

  for (const kind of Object.keys(KIND_DISPLAY) as SpecStepKind[]) {
    const display = KIND_DISPLAY[kind];
    const item = el(doc, 'button', 'palette_item js_palette_item');
    item.type = 'button';
    item.append(icon(doc, display.icon), el(doc, 'span', 'palette_item_label', display.label));
    item.addEventListener('click', () => {
      state.steps.push(newStep(state, kind));
      state.active.set(state.steps[state.steps.length - 1]?.ref ?? '', false);
      rebuild();
      showSaveState();
    });
    palette.appendChild(item);
  }

  horizontal.addEventListener('click', () => {
    state.orientation = 'horizontal';
    rebuild();
  });
  vertical.addEventListener('click', () => {
    state.orientation = 'vertical';
    rebuild();
  });
  zoomOut.addEventListener('click', () => {
    state.zoom = Math.max(ZOOM_MIN, Math.round((state.zoom - ZOOM_STEP) * 10) / 10);
    applyZoom();
  });
  zoomIn.addEventListener('click', () => {
    state.zoom = Math.min(ZOOM_MAX, Math.round((state.zoom + ZOOM_STEP) * 10) / 10);
    applyZoom();
  });
  const listening = new AbortController();
  closeMenusOnOutsideClick(doc, listening.signal);
  renderTabs();
  rebuild();
  return () => {
    listening.abort();
    mounted?.destroy();
    app.remove();
  };
}

/** A step added from the palette starts inactive and unconnected, as in Kartra. */
function newStep(state: EditorState, kind: SpecStepKind): SpecStep {
  const step: SpecStep = {
    ref: nextRef(state.steps, state.tab),
    kind,
    active: false,
    title: '',
    delay: { type: 'immediate' },
    window: null,
  };
  if (kind === 'email' || kind === 'sms') step.recipients = 'anyone';
  if (kind === 'tag') Object.assign(step, { action: 'add', target: '' });
  if (kind === 'list' || kind === 'sequence') Object.assign(step, { action: 'subscribe', target: '' });
  if (kind === 'goto') step.goto = '';
  return step;
}
