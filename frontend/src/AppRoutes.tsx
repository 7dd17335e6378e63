import { Route, Routes } from 'react-router';
import { AppShell } from './modules/shell';
import CustomersPage from './pages/CustomersPage';
import NotFoundPage from './pages/NotFoundPage';
import OverviewPage from './pages/OverviewPage';

/**
 * Client routes. The Go server answers every non-API path with index.html, so each of these
 * can be opened or reloaded directly; page state lives in the query string.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<OverviewPage />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
