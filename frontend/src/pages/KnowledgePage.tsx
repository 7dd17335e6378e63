import { KnowledgeSearch } from '@/modules/knowledge';

export default function KnowledgePage() {
  return <KnowledgeSearch />;
}
