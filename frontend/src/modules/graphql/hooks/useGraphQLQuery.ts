import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { GraphQLRequestError } from '../types/GraphQLRequestError';
import { operationNameOf, request } from '../utils/request';

export interface GraphQLQueryOptions {
  enabled?: boolean;
  /** Keep showing the previous result while the next variables load (paging, filtering). */
  keepPrevious?: boolean;
}

/**
 * Runs a typed query through react-query. The cache key is the operation name plus the
 * variables, so two components asking the same thing share one request.
 */
export function useGraphQLQuery<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
  options: GraphQLQueryOptions = {},
): UseQueryResult<TResult, GraphQLRequestError> {
  const query = document.toString();
  return useQuery<TResult, GraphQLRequestError>({
    queryKey: ['graphql', operationNameOf(query) ?? query, variables],
    queryFn: ({ signal }) => request(document, variables, { signal }),
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}
