export { KnowledgeCreate } from './components/KnowledgeCreate';
export { KnowledgeDocumentView } from './components/KnowledgeDocumentView';
export { KnowledgeSearch } from './components/KnowledgeSearch';
