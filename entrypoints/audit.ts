import { mountOverlay } from '@/components/overlay/mount-overlay';
import { auditModuleWith } from '@/lib/extension/content/content-audit';

// The content script's audit module (lib/extension/content/audit-module.ts): the loader imports it on a
// sequence page and starts it. wxt.config.ts builds this script as an ES module; its `main`
// runs once, when imported, and what it returns is the module's default export. No global
// name: nothing is declared in the world it runs in.
export default defineUnlistedScript({ globalName: false, main: () => auditModuleWith(mountOverlay) });
