import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  keepPreviousData,
  useQuery,
  type QueryKey,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { GraphQLRequestError } from '../types/GraphQLRequestError';
import { operationNameOf, request } from '../utils/request';

export interface GraphQLQueryOptions {
  enabled?: boolean;
  /** Keep showing the previous result while the next variables load (paging, filtering). */
  keepPrevious?: boolean;
  /** How long a result counts as fresh (ms); the client's default otherwise. */
  staleTime?: number;
}

/**
 * The cache key of a query: the operation name plus the variables, so two components asking
 * the same thing share one request, and code outside them (sign-in, sign-out) can set or
 * drop the entry.
 */
export function graphqlQueryKey<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
): QueryKey {
  const query = document.toString();
  return ['graphql', operationNameOf(query) ?? query, variables];
}

/** Runs a typed query through react-query, keyed by graphqlQueryKey(). */
export function useGraphQLQuery<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
  options: GraphQLQueryOptions = {},
): UseQueryResult<TResult, GraphQLRequestError> {
  return useQuery<TResult, GraphQLRequestError>({
    queryKey: graphqlQueryKey(document, variables),
    queryFn: ({ signal }) => request(document, variables, { signal }),
    enabled: options.enabled,
    staleTime: options.staleTime,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}
