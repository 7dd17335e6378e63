import type { Catalog, Locale } from '../types';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export const catalogs: Record<Locale, Catalog> = {
  'zh-CN': zhCN,
  'en-US': enUS,
};
