import { LOCALES, useI18n, type Locale } from '@/i18n';
import { Segmented } from 'antd';

// Each language is named in itself, so it can be found whatever the current one is.
const NATIVE_NAMES: Record<Locale, string> = {
  'zh-CN': '中文',
  'en-US': 'English',
};

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((value) => ({ value, label: NATIVE_NAMES[value] }))}
    />
  );
}
