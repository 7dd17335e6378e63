import { describe, expect, it } from 'vitest';
import {
  cursorPageVariables,
  firstPage,
  nextPage,
  parseCursorPage,
  previousPage,
  withQuery,
  withSize,
  writeCursorPage,
  type CursorPageState,
} from './cursorPage';

const parse = (qs: string) => parseCursorPage(new URLSearchParams(qs));
const write = (state: CursorPageState, qs = '') => writeCursorPage(new URLSearchParams(qs), state).toString();

describe('parseCursorPage', () => {
  it('defaults to page 1 of 20 with no search', () => {
    expect(parse('')).toEqual({ query: '', after: undefined, before: undefined, page: 1, size: 20 });
  });

  it('reads search, size and a forward cursor', () => {
    expect(parse('q=%E5%BC%A0&size=50&after=abc&page=3')).toEqual({
      query: '张',
      after: 'abc',
      before: undefined,
      page: 3,
      size: 50,
    });
  });

  it('ignores a page number without a cursor (the cursor is the truth)', () => {
    expect(parse('page=7').page).toBe(1);
  });

  it('makes a cursor page at least page 2', () => {
    expect(parse('after=abc').page).toBe(2);
    expect(parse('after=abc&page=1').page).toBe(2);
    expect(parse('before=abc&page=junk').page).toBe(2);
  });

  it('rejects sizes outside the offered ones', () => {
    expect(parse('size=1000').size).toBe(20);
    expect(parse('size=-5').size).toBe(20);
    expect(parse('size=10').size).toBe(10);
  });

  it('prefers after when both cursors are present', () => {
    const state = parse('after=a&before=b');
    expect(state.after).toBe('a');
    expect(state.before).toBeUndefined();
  });
});

describe('cursorPageVariables', () => {
  it('pages forward with first/after and backward with last/before', () => {
    expect(cursorPageVariables(parse(''))).toEqual({ first: 20 });
    expect(cursorPageVariables(parse('after=a&page=2'))).toEqual({ first: 20, after: 'a' });
    expect(cursorPageVariables(parse('before=b&page=2&size=50'))).toEqual({ last: 50, before: 'b' });
  });
});

describe('moves', () => {
  const start = parse('q=x');

  it('next goes forward from the end cursor and counts the page', () => {
    const two = nextPage(start, 'end1');
    expect(two).toMatchObject({ after: 'end1', before: undefined, page: 2, query: 'x' });
    expect(nextPage(two, 'end2')).toMatchObject({ after: 'end2', page: 3 });
  });

  it('previous goes back from the start cursor, and to a clean page 1 from page 2', () => {
    const three = nextPage(nextPage(start, 'e1'), 'e2');
    expect(previousPage(three, 'start3')).toMatchObject({ before: 'start3', after: undefined, page: 2 });
    const two = nextPage(start, 'e1');
    expect(previousPage(two, 'start2')).toEqual(firstPage(start));
  });

  it('a new search or size starts at page 1', () => {
    const three = nextPage(nextPage(start, 'e1'), 'e2');
    expect(withQuery(three, '  李 ')).toEqual({ query: '李', after: undefined, before: undefined, page: 1, size: 20 });
    expect(withSize(three, 50)).toMatchObject({ page: 1, after: undefined, size: 50 });
  });
});

describe('writeCursorPage', () => {
  it('leaves defaults out of the URL', () => {
    expect(write(parse(''))).toBe('');
  });

  it('round-trips through the URL', () => {
    for (const state of [
      nextPage(parse('q=x&size=50'), 'c1'),
      previousPage(nextPage(nextPage(parse(''), 'a'), 'b'), 'c'),
      withQuery(parse(''), '张三'),
    ]) {
      expect(parse(write(state))).toEqual(state);
    }
  });

  it('keeps unrelated parameters and drops stale cursors', () => {
    const qs = write(firstPage(parse('after=a&page=4')), 'tab=open&after=a&page=4');
    expect(qs).toBe('tab=open');
  });
});
