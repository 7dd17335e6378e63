export { CustomerOverview } from './components/CustomerOverview';
