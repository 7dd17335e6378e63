import { CustomerList } from '@/modules/customers';

export default function CustomersPage() {
  return <CustomerList />;
}
