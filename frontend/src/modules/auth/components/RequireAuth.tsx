import { useI18n } from '@/i18n';
import { QueryError } from '@/modules/graphql';
import { PageLoading } from '@/ui/feedback/PageLoading';
import { Flex } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionWatch } from '../hooks/useSessionWatch';
import { isStaff, useViewerQuery } from '../hooks/useViewer';
import { loginPath } from '../utils/redirect';
import { ViewerProvider } from './ViewerProvider';

/**
 * The sign-in guard around every page but /login: asks the server who is signed in (`viewer`)
 * and sends anybody else to /login?redirect=<this page>. Pages below it read the viewer with
 * useViewer() / useCan().
 */
export function RequireAuth() {
  const { t } = useI18n();
  const location = useLocation();
  const { data, error, isPending, isFetching, refetch } = useViewerQuery();
  useSessionWatch();

  if (isPending && !error) return <PageLoading label={t('common.loading')} />;
  if (error && !data && error.code !== 'UNAUTHENTICATED') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
        <div style={{ width: '100%', maxWidth: 560 }}>
          <QueryError error={error} onRetry={isFetching ? undefined : () => void refetch()} />
        </div>
      </Flex>
    );
  }
  const viewer = data?.viewer;
  if (!isStaff(viewer)) {
    return (
      <Navigate to={loginPath(location.pathname + location.search + location.hash)} replace />
    );
  }
  return (
    <ViewerProvider viewer={viewer}>
      <Outlet />
    </ViewerProvider>
  );
}
