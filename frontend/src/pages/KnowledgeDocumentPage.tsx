import { KnowledgeDocumentView } from '@/modules/knowledge';
import { useParams } from 'react-router';

export default function KnowledgeDocumentPage() {
  const { id = '' } = useParams();
  // Keyed: another document starts with no edit form, dialog or error open.
  return <KnowledgeDocumentView key={id} id={id} />;
}
