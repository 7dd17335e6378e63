import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogs } from './catalogs';
import { parseLocale, translate } from './format';
import type { Locale, Translate } from './types';

/** localStorage key of the chosen locale (a per-browser preference, not page state). */
export const LOCALE_STORAGE_KEY = 'c360.locale';

export interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nContextValue | null>(null);

function readStoredLocale(): Locale {
  try {
    return parseLocale(window.localStorage.getItem(LOCALE_STORAGE_KEY));
  } catch {
    return parseLocale(undefined);
  }
}

export interface I18nProviderProps {
  children: ReactNode;
  /** Fixes the initial locale (tests); otherwise the stored preference or zh-CN. */
  initialLocale?: Locale;
}

export function I18nProvider({ children, initialLocale }: I18nProviderProps) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nContextValue>(() => {
    const catalog = catalogs[locale];
    const t = ((key, params?: Record<string, string | number>) =>
      translate(catalog, key, params)) as Translate;
    return { locale, setLocale, t };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
