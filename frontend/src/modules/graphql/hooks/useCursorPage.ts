import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  cursorPageVariables,
  DEFAULT_PAGE_SIZE,
  firstPage,
  nextPage,
  parseCursorPage,
  previousPage,
  withQuery,
  withSize,
  writeCursorPage,
  type CursorPageState,
  type CursorPageVariables,
} from '../utils/cursorPage';

export interface CursorPage {
  state: CursorPageState;
  /** first/after or last/before for the connection field. */
  variables: CursorPageVariables;
  goNext: (endCursor: string) => void;
  goPrevious: (startCursor: string) => void;
  goFirst: () => void;
  setQuery: (query: string) => void;
  setSize: (size: number) => void;
  /** Sets (or, with '' / undefined, removes) a list filter kept in its own URL parameter,
   * e.g. `?action=login`, and goes back to page 1. */
  setFilter: (param: string, value: string | undefined) => void;
}

/**
 * Cursor paging state read from and written to the URL query string (see utils/cursorPage.ts).
 * Each move pushes a history entry, so the browser's back button pages back.
 */
export function useCursorPage(defaultSize: number = DEFAULT_PAGE_SIZE): CursorPage {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Keyed on the query string's text, so `state` and `variables` stay the same objects
  // until the URL changes (they end up in query keys and effect dependencies).
  const state = useMemo(
    () => parseCursorPage(new URLSearchParams(key), defaultSize),
    [key, defaultSize],
  );
  const variables = useMemo(() => cursorPageVariables(state), [state]);

  const go = useCallback(
    (next: CursorPageState) => setParams((current) => writeCursorPage(current, next, defaultSize)),
    [setParams, defaultSize],
  );

  return {
    state,
    variables,
    goNext: useCallback((cursor: string) => go(nextPage(state, cursor)), [go, state]),
    goPrevious: useCallback((cursor: string) => go(previousPage(state, cursor)), [go, state]),
    goFirst: useCallback(() => go(firstPage(state)), [go, state]),
    setQuery: useCallback((query: string) => go(withQuery(state, query)), [go, state]),
    setSize: useCallback((size: number) => go(withSize(state, size)), [go, state]),
    setFilter: useCallback(
      (param: string, value: string | undefined) =>
        setParams((current) => {
          const next = writeCursorPage(current, firstPage(state), defaultSize);
          if (value) next.set(param, value);
          else next.delete(param);
          return next;
        }),
      [setParams, state, defaultSize],
    ),
  };
}
