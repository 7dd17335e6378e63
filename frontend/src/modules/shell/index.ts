export { AppShell } from './components/AppShell';
export { LanguageSwitch } from './components/LanguageSwitch';
