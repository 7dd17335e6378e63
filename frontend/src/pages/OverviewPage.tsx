import { CustomerOverview } from '@/modules/overview';

export default function OverviewPage() {
  return <CustomerOverview />;
}
