import { I18nProvider, useI18n, type Locale } from '@/i18n';
import { createQueryClient } from '@/modules/graphql';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Locale as AntLocale } from 'antd/es/locale';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState, type ReactNode } from 'react';

const ANT_LOCALES: Record<Locale, AntLocale> = {
  'zh-CN': zhCN,
  'en-US': enUS,
};

// Month and weekday names in antd's date pickers come from dayjs's global locale.
const DAYJS_LOCALES: Record<Locale, string> = {
  'zh-CN': 'zh-cn',
  'en-US': 'en',
};

function AntdConfig({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[locale]);
  }, [locale]);
  return (
    <ConfigProvider
      locale={ANT_LOCALES[locale]}
      theme={{ token: { colorPrimary: '#1677ff' } }}
      // Keep button text as written (antd would space out two-character Chinese labels).
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export interface AppProvidersProps {
  children: ReactNode;
  /** Tests pass their own client (no retries) and locale. */
  queryClient?: QueryClient;
  initialLocale?: Locale;
}

/** Everything the pages need above them: data cache, language, Ant Design config. */
export function AppProviders({ children, queryClient, initialLocale }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <I18nProvider initialLocale={initialLocale}>
        <AntdConfig>{children}</AntdConfig>
      </I18nProvider>
    </QueryClientProvider>
  );
}
