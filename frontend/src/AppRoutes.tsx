import { Route, Routes } from 'react-router';
import { RequireAuth, RequireOperation } from './modules/auth';
import { AppShell } from './modules/shell';
import AuditLogPage from './pages/AuditLogPage';
import CustomerDetailPage from './pages/CustomerDetailPage';
import CustomersPage from './pages/CustomersPage';
import LoginPage from './pages/LoginPage';
import NotFoundPage from './pages/NotFoundPage';
import OverviewPage from './pages/OverviewPage';

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
