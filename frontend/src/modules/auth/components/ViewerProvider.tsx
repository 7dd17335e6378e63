import { useMemo, type ReactNode } from 'react';
import { ViewerContext, type ViewerContextValue } from '../hooks/useViewer';
import type { Operation, Viewer } from '../types';

export interface ViewerProviderProps {
  viewer: Viewer;
  children: ReactNode;
}

/** Makes the signed-in viewer and its permissions available to useViewer() / useCan(). */
export function ViewerProvider({ viewer, children }: ViewerProviderProps) {
  const value = useMemo<ViewerContextValue>(() => {
    const operations = new Set(viewer.operations);
    return { viewer, can: (operation: Operation) => operations.has(operation) };
  }, [viewer]);
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}
