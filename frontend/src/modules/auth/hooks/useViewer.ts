import { graphqlQueryKey, request, useGraphQLQuery } from '@/modules/graphql';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ViewerQuery } from '../graphql/auth';
import type { Operation, Viewer } from '../types';

const NO_VARIABLES = {};

/**
 * The viewer is re-asked at most this often. Sign-in and sign-out set it themselves, and any
 * query that meets an ended session sets it to null (useSessionWatch), so it need not be
 * polled; a fresh null must also not be re-asked at once on /login.
 */
const VIEWER_STALE_MS = 60_000;

/** The react-query key of the `viewer` query (sign-in, sign-out and the guard set or drop it). */
export function viewerQueryKey() {
  return graphqlQueryKey(ViewerQuery, NO_VARIABLES);
}

/** Who is signed in; `data.viewer` is null for nobody. */
export function useViewerQuery() {
  return useGraphQLQuery(ViewerQuery, NO_VARIABLES, { staleTime: VIEWER_STALE_MS });
}

/** Loads the viewer into the cache (after signing in, so the app opens without a spinner). */
export function prefetchViewer(queryClient: QueryClient): Promise<void> {
  return queryClient.prefetchQuery({
    queryKey: viewerQueryKey(),
    queryFn: ({ signal }) => request(ViewerQuery, NO_VARIABLES, { signal }),
    staleTime: VIEWER_STALE_MS,
  });
}

/** Marks the session as gone: every screen under the guard then goes to /login. */
export function forgetViewer(queryClient: QueryClient): void {
  queryClient.setQueryData(viewerQueryKey(), { viewer: null });
}

/** The admin app is for staff users; a customer or partner session does not open it. */
export function isStaff(viewer: Viewer | null | undefined): viewer is Viewer {
  return viewer?.kind === 'USER';
}

export interface ViewerContextValue {
  viewer: Viewer;
  /** Whether the viewer may call a root operation (`viewer.operations`). */
  can: (operation: Operation) => boolean;
}

export const ViewerContext = createContext<ViewerContextValue | null>(null);

/** The signed-in staff user; only under <RequireAuth> (or a <ViewerProvider> in tests). */
export function useViewer(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewer must be used under <RequireAuth> or <ViewerProvider>');
  return value;
}

/** Whether the signed-in user may call the operation: hides what they cannot use. */
export function useCan(operation: Operation): boolean {
  return useViewer().can(operation);
}

/** The name shown for the viewer: display name, else username. */
export function viewerName(viewer: Viewer): string {
  return viewer.user?.displayName || viewer.user?.username || viewer.name;
}
