import { QueryClient } from '@tanstack/react-query';
import { isGraphQLRequestError } from '../types/GraphQLRequestError';

const MAX_RETRIES = 2;

/** Retries only failures that another try may fix (network, 5xx, INTERNAL), twice at most. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return !isGraphQLRequestError(error) || error.retryable;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
