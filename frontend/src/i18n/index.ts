export { I18nProvider, LOCALE_STORAGE_KEY } from './I18nProvider';
export { useI18n } from './useI18n';
export { formatCount, formatDateTime, formatMessage, parseLocale } from './format';
export { DEFAULT_LOCALE, LOCALES } from './types';
export type { Catalog, Locale, MessageKey, PlainMessageKey, Translate } from './types';
