import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { GraphQLRequestError } from '../types/GraphQLRequestError';
import { request } from '../utils/request';

/**
 * Runs a typed mutation through react-query: `mutate(variables)` / `mutateAsync(variables)`,
 * rejecting with a GraphQLRequestError. Never retried (the client's default for mutations).
 */
export function useGraphQLMutation<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
): UseMutationResult<TResult, GraphQLRequestError, TVariables> {
  return useMutation<TResult, GraphQLRequestError, TVariables>({
    mutationFn: (variables) => request(document, variables),
  });
}
