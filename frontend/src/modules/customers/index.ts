export { CustomerDetailView } from './components/CustomerDetailView';
export { CustomerList } from './components/CustomerList';
export { customerStatusKey, customerTypeKey } from './utils/labels';
