/**
 * Relay cursor paging kept in the URL query string, so a page can be bookmarked, reloaded and
 * reached with the browser's back button:
 *
 *   ?q=张&size=50&after=<cursor>&page=3    forward from a cursor
 *   ?before=<cursor>&page=2                backward (after "previous")
 *
 * `page` is a display hint only (the cursor is the truth); without a cursor the page is 1.
 * Defaults (page 1, the default size, an empty search) are left out of the URL.
 */

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export const PARAM = {
  query: 'q',
  after: 'after',
  before: 'before',
  page: 'page',
  size: 'size',
} as const;

export interface CursorPageState {
  /** Free-text search; '' when none. */
  query: string;
  after?: string;
  before?: string;
  /** 1-based page number, for display. */
  page: number;
  size: number;
}

/** Connection arguments for a state: first/after going forward, last/before going back. */
export interface CursorPageVariables {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

function positiveInt(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 ? n : undefined;
}

export function parseCursorPage(
  params: URLSearchParams,
  defaultSize: number = DEFAULT_PAGE_SIZE,
): CursorPageState {
  const query = (params.get(PARAM.query) ?? '').trim();
  const rawSize = positiveInt(params.get(PARAM.size));
  const size =
    rawSize !== undefined && (PAGE_SIZES as readonly number[]).includes(rawSize)
      ? rawSize
      : defaultSize;
  const after = params.get(PARAM.after) || undefined;
  // `after` wins when a hand-edited URL carries both.
  const before = after ? undefined : params.get(PARAM.before) || undefined;
  // Any page reached through a cursor is at least page 2.
  const page = after || before ? Math.max(2, positiveInt(params.get(PARAM.page)) ?? 2) : 1;
  return { query, after, before, page, size };
}

export function cursorPageVariables(state: CursorPageState): CursorPageVariables {
  if (state.before) return { last: state.size, before: state.before };
  return state.after ? { first: state.size, after: state.after } : { first: state.size };
}

/**
 * Writes a state into a copy of the given params, leaving unrelated params alone and
 * defaults out.
 */
export function writeCursorPage(
  params: URLSearchParams,
  state: CursorPageState,
  defaultSize: number = DEFAULT_PAGE_SIZE,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.values(PARAM)) next.delete(key);
  // Always the same order, so one state has one URL.
  const entries: Array<[string, string | undefined]> = [
    [PARAM.query, state.query || undefined],
    [PARAM.size, state.size !== defaultSize ? String(state.size) : undefined],
    [PARAM.after, state.after],
    [PARAM.before, state.after ? undefined : state.before],
    [PARAM.page, (state.after || state.before) && state.page > 1 ? String(state.page) : undefined],
  ];
  for (const [key, value] of entries) if (value) next.append(key, value);
  return next;
}

/** The state after "next": forward from the current page's last cursor. */
export function nextPage(state: CursorPageState, endCursor: string): CursorPageState {
  return { ...state, after: endCursor, before: undefined, page: state.page + 1 };
}

/** The state after "previous": back from the current page's first cursor, or page 1. */
export function previousPage(state: CursorPageState, startCursor: string): CursorPageState {
  if (state.page <= 2) return firstPage(state);
  return { ...state, after: undefined, before: startCursor, page: state.page - 1 };
}

export function firstPage(state: CursorPageState): CursorPageState {
  return { ...state, after: undefined, before: undefined, page: 1 };
}

/** A new search or page size starts again at page 1. */
export function withQuery(state: CursorPageState, query: string): CursorPageState {
  return firstPage({ ...state, query: query.trim() });
}

export function withSize(state: CursorPageState, size: number): CursorPageState {
  return firstPage({ ...state, size });
}
