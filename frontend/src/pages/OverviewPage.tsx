import { RequireOperation, WelcomeResult } from '@/modules/auth';
import { CustomerOverview } from '@/modules/overview';

export default function OverviewPage() {
  // The home page: users without customer access get a welcome instead of an error.
  return (
    <RequireOperation operation="Query.customers" fallback={<WelcomeResult />}>
      <CustomerOverview />
    </RequireOperation>
  );
}
