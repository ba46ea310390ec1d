/** Every message the extension writes to the console starts with this. */
export const LOG_PREFIX = '[Kartra Auditor]';
