/** The page's window, with its constructors (MutationObserver...), real or from a test DOM. */
export type PageWindow = Window & typeof globalThis;
