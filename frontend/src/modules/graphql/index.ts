export { useCursorPage, type CursorPage } from './hooks/useCursorPage';
export { useGraphQLQuery, type GraphQLQueryOptions } from './hooks/useGraphQLQuery';
export {
  GraphQLRequestError,
  isGraphQLRequestError,
  type ErrorCode,
} from './types/GraphQLRequestError';
export { createQueryClient } from './utils/queryClient';
export { PAGE_SIZES, type CursorPageState } from './utils/cursorPage';
export { request, GRAPHQL_ENDPOINT, CSRF_HEADER } from './utils/request';
export { QueryError } from './components/QueryError';
