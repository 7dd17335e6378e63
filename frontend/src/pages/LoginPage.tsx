import { LoginScreen } from '@/modules/auth';
import { LanguageSwitch } from '@/modules/shell';

export default function LoginPage() {
  return <LoginScreen extra={<LanguageSwitch />} />;
}
