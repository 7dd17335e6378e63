import { CustomerDetailView } from '@/modules/customers';
import { useParams } from 'react-router';

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  // Keyed: another customer starts with nothing revealed.
  return <CustomerDetailView key={id} id={id} />;
}
