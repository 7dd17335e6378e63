export { LoginScreen } from './components/LoginScreen';
export { RequireAuth } from './components/RequireAuth';
export { ForbiddenResult, RequireOperation } from './components/RequireOperation';
export { UserMenu } from './components/UserMenu';
export { ViewerProvider } from './components/ViewerProvider';
export { WelcomeResult } from './components/WelcomeResult';
export { useCan, useViewer, viewerName } from './hooks/useViewer';
export { loginPath, redirectTarget, LOGIN_PATH } from './utils/redirect';
export type { Operation, Viewer } from './types';
