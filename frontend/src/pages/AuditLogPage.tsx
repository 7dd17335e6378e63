import { AuditLogList } from '@/modules/audit';

export default function AuditLogPage() {
  return <AuditLogList />;
}
