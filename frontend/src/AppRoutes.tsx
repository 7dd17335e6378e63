import { Flex, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useI18n } from './i18n';
import { RequireAuth, RequireOperation } from './modules/auth';
import { AppShell } from './modules/shell';
import AuditLogPage from './pages/AuditLogPage';
import CustomerDetailPage from './pages/CustomerDetailPage';
import CustomersPage from './pages/CustomersPage';
import LoginPage from './pages/LoginPage';
import NotFoundPage from './pages/NotFoundPage';
import OverviewPage from './pages/OverviewPage';

// The knowledge base is its own chunk: most users of the customer pages never open it.
const KnowledgePage = lazy(() => import('./pages/KnowledgePage'));
const KnowledgeDocumentPage = lazy(() => import('./pages/KnowledgeDocumentPage'));
const KnowledgeCreatePage = lazy(() => import('./pages/KnowledgeCreatePage'));

/** A lazily loaded page, with a spinner in the content area while its chunk loads. */
function Lazy({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const fallback = (
    <Flex justify="center" style={{ padding: 64 }} role="status" aria-label={t('common.loading')}>
      <Spin size="large" />
    </Flex>
  );
  return <Suspense fallback={fallback}>{children}</Suspense>;
}

/**
 * Client routes. The Go server answers every non-API path with index.html, so each of these
 * can be opened or reloaded directly; page state lives in the query string. Everything but
 * /login needs a signed-in staff user (RequireAuth), and each page the root operation it
 * calls (RequireOperation, from `viewer.operations`).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppShell />}>
          <Route index element={<OverviewPage />} />
          <Route
            path="customers"
            element={
              <RequireOperation operation="Query.customers">
                <CustomersPage />
              </RequireOperation>
            }
          />
          <Route
            path="customers/:id"
            element={
              <RequireOperation operation="Query.node">
                <CustomerDetailPage />
              </RequireOperation>
            }
          />
          <Route
            path="knowledge"
            element={
              <RequireOperation operation="Query.searchKnowledge">
                <Lazy>
                  <KnowledgePage />
                </Lazy>
              </RequireOperation>
            }
          />
          <Route
            path="knowledge/new"
            element={
              <RequireOperation operation="Mutation.createKnowledgeDocument">
                <Lazy>
                  <KnowledgeCreatePage />
                </Lazy>
              </RequireOperation>
            }
          />
          <Route
            path="knowledge/:id"
            element={
              <RequireOperation operation="Query.node">
                <Lazy>
                  <KnowledgeDocumentPage />
                </Lazy>
              </RequireOperation>
            }
          />
          <Route
            path="audit"
            element={
              <RequireOperation operation="Query.auditLogs">
                <AuditLogPage />
              </RequireOperation>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
