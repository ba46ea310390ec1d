/**
 * The overlay's styles, inside its shadow root. Sizes are in px because rem would follow the
 * host page's root font size. Colours follow the system's light or dark theme.
 */
export const OVERLAY_STYLE = `
:host { all: initial; }
.overlay {
  position: fixed; inset: 0; pointer-events: none; z-index: 2147483000;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  --error: #c62828; --warning: #a05a00; --info: #1f5fae; --review: #4a5563;
  --surface: #ffffff; --text: #1d232b; --muted: #4a5563; --border: #c9d1dc; --warning-bg: #fff4e0;
}
@media (prefers-color-scheme: dark) {
  .overlay { --surface: #1f242c; --text: #eef1f5; --muted: #b8c1cd; --border: #3e4753;
    --error: #ff8a80; --warning: #ffc266; --info: #8ab4f8; --review: #b8c1cd; --warning-bg: #3a2b12; }
}
.anchor { position: absolute; }
.badge {
  pointer-events: auto; display: inline-flex; align-items: center; gap: 3px;
  min-width: 24px; height: 24px; padding: 0 7px; border-radius: 12px; border: 2px solid #fff;
  font: 700 12px/1 system-ui, sans-serif; color: #fff; cursor: pointer;
  box-shadow: 0 1px 4px rgba(0,0,0,.35);
}
.badge--error { background: #c62828; }
.badge--warning { background: #a05a00; }
.badge--info { background: #1f5fae; }
/* Neutral and dashed: a card that only needs a look by eye must not read as a broken one. */
.badge--review { background: #4a5563; border-style: dashed; }
.badge:focus-visible, .close:focus-visible, .sequence-panel__toggle:focus-visible {
  outline: 3px solid #ffbf47; outline-offset: 2px;
}
.panel, .sequence-panel {
  pointer-events: auto; background: var(--surface); color: var(--text);
  border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25);
}
.panel { position: absolute; top: 30px; right: 0; width: 320px; max-height: 360px; overflow: auto; padding: 8px 12px; }
.panel__header { display: flex; justify-content: space-between; align-items: center; }
.panel h2 { font-size: 14px; margin: 4px 0; }
.close { background: none; border: 0; color: var(--text); font-size: 18px; cursor: pointer; width: 28px; height: 28px; }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { border-left: 4px solid var(--info); padding: 4px 8px; margin: 8px 0; }
.finding--error { border-color: var(--error); }
.finding--warning { border-color: var(--warning); }
.finding--review { border-color: var(--review); border-left-style: dashed; }
.finding__message { margin: 0 0 4px; overflow-wrap: anywhere; }
.finding__severity { font-weight: 700; text-transform: capitalize; }
.finding__fix { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
.link-button { background: none; border: 0; padding: 0; color: var(--text); text-decoration: underline; cursor: pointer; font: inherit; margin-top: 4px; }
.accept-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 6px; margin-top: 4px; }
.accept-form input { display: block; width: 180px; font: inherit; padding: 2px 4px; }
.sequence-panel { position: fixed; right: 16px; bottom: 16px; max-width: 380px; max-height: 50vh; overflow: auto; }
.sequence-panel__toggle {
  display: block; width: 100%; text-align: left; background: none; border: 0; color: var(--text);
  font: 600 13px/1.4 system-ui, sans-serif; padding: 8px 12px; cursor: pointer;
}
.sequence-panel__body { padding: 0 12px 8px; }
.sequence-panel__hint { margin: 0 0 4px; color: var(--muted); }
.sequence-panel__unsaved { border-left: 4px solid var(--warning); background: var(--warning-bg); padding: 8px 12px; }
.sequence-panel__unsaved-title { margin: 0 0 2px; font-weight: 700; }
.sequence-panel__unsaved-detail { margin: 0; overflow-wrap: anywhere; }
.highlight {
  position: absolute; border: 3px solid #ffbf47; border-radius: 10px;
  box-shadow: 0 0 0 4px rgba(255,191,71,.35); animation: pulse 3s ease-out forwards;
}
@keyframes pulse { 0% { opacity: 1; } 70% { opacity: 1; } 100% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .highlight { animation: none; } }
`;
