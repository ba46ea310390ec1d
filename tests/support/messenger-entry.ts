import { sendMessage } from '../../lib/extension/messaging/messages';

// Bundled by messenger-script.ts and run in an extension page: the protocol's own sendMessage.
Object.assign(globalThis, { kartraAuditor: { sendMessage } });
