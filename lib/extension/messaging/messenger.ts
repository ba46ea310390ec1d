import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Protocol } from './messages';

/**
 * The protocol's messenger (messages.ts), apart from its schemas: the content script's loader
 * (entrypoints/content.ts) sends and answers messages on every Kartra page, and importing
 * messages.ts would bring zod/mini and the request schemas into it.
 */
export const { sendMessage, onMessage } = defineExtensionMessaging<Protocol>();
