import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from '../types/GraphQLRequestError';
import { shouldRetry } from './queryClient';

describe('shouldRetry', () => {
  it('retries what another try may fix, twice at most', () => {
    const network = new GraphQLRequestError('Failed to fetch', { code: 'NETWORK' });
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(1, network)).toBe(true);
    expect(shouldRetry(2, network)).toBe(false);
    expect(shouldRetry(0, new GraphQLRequestError('boom', { code: 'INTERNAL' }))).toBe(true);
  });

  it('never retries answers that cannot change', () => {
    for (const code of [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'BAD_USER_INPUT',
      'TOO_MANY_REQUESTS',
      'GRAPHQL_VALIDATION_FAILED',
    ] as const) {
      expect(shouldRetry(0, new GraphQLRequestError('no', { code }))).toBe(false);
    }
  });
});
