/** The one element the extension adds to a page: the host of its shadow-root UI. */
export const EXTENSION_HOST_TAG = 'kartra-auditor-ui';
