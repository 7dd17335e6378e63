import { isGraphQLRequestError } from '@/modules/graphql';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { forgetViewer } from './useViewer';

/**
 * Watches every query: one that fails with UNAUTHENTICATED (the session expired, was revoked
 * or signed out elsewhere) marks the viewer as gone, and the guard then sends the user to
 * /login, remembering the page. Mutations are not watched: `changePassword` and `login` answer
 * wrong passwords with errors the forms show themselves.
 */
export function useSessionWatch(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (
          event.type === 'updated' &&
          event.action.type === 'error' &&
          isGraphQLRequestError(event.action.error) &&
          event.action.error.code === 'UNAUTHENTICATED'
        ) {
          // Not inside the cache's own notification.
          queueMicrotask(() => forgetViewer(queryClient));
        }
      }),
    [queryClient],
  );
}
