import { describe, expect, it } from 'vitest';
import { parseSearchState, writeSearchState } from './searchParams';

describe('search URL state', () => {
  it('parses the query and filters, dropping unknown values', () => {
    expect(parseSearchState(new URLSearchParams('q=%20宽带%20&cat=55&aud=PUBLIC,NOPE,PUBLIC&st=DRAFT'))).toEqual({
      query: '宽带',
      categoryID: '55',
      audiences: ['PUBLIC'],
      statuses: ['DRAFT'],
    });
    expect(parseSearchState(new URLSearchParams(''))).toEqual({ query: '', categoryID: undefined, audiences: [], statuses: [] });
  });

  it('writes only what is set, keeping other parameters', () => {
    const next = writeSearchState(new URLSearchParams('x=1&q=old'), {
      query: '"光猫 重启"',
      categoryID: undefined,
      audiences: ['INTERNAL', 'PARTNER'],
      statuses: [],
    });
    expect(next.toString()).toBe('x=1&q=%22%E5%85%89%E7%8C%AB+%E9%87%8D%E5%90%AF%22&aud=INTERNAL%2CPARTNER');
  });
});
