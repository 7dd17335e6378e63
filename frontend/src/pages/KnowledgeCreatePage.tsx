import { KnowledgeCreate } from '@/modules/knowledge';

export default function KnowledgeCreatePage() {
  return <KnowledgeCreate />;
}
