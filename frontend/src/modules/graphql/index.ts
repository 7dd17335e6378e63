export { useCursorPage, type CursorPage } from './hooks/useCursorPage';
export {
  graphqlQueryKey,
  useGraphQLQuery,
  type GraphQLQueryOptions,
} from './hooks/useGraphQLQuery';
export { useGraphQLMutation } from './hooks/useGraphQLMutation';
export {
  GraphQLRequestError,
  isGraphQLRequestError,
  type ErrorCode,
} from './types/GraphQLRequestError';
export { createQueryClient } from './utils/queryClient';
export { PAGE_SIZES, type CursorPageState } from './utils/cursorPage';
export { request, GRAPHQL_ENDPOINT, CSRF_HEADER } from './utils/request';
export { buildMultipartBody, extractFiles } from './utils/multipart';
export { QueryError, errorMessageKey } from './components/QueryError';
