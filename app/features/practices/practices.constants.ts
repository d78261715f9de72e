// Without zod, for components (see stories.constants.ts).

/** The library shows at most this many examples; the page asks to search more precisely. */
export const LIBRARY_PAGE_SIZE = 50;

/** "agenda" for the whole buurtagenda, otherwise an agreement id. */
export const WHOLE_AGENDA = "agenda";
