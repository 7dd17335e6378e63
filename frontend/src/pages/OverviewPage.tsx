import { RequireOperation, useCan, WelcomeResult } from '@/modules/auth';
import { CustomerOverview } from '@/modules/overview';
import { Navigate } from 'react-router';

export default function OverviewPage() {
  // The home page: users without customer access (knowledge editors, reviewers) start in the
  // knowledge base, and users with neither get a welcome instead of an error.
  const canKnowledge = useCan('Query.searchKnowledge');
  return (
    <RequireOperation
      operation="Query.customers"
      fallback={canKnowledge ? <Navigate to="/knowledge" replace /> : <WelcomeResult />}
    >
      <CustomerOverview />
    </RequireOperation>
  );
}
