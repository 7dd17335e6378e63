import type { zhCN } from './catalogs/zh-CN';

/** The locales the app ships catalogs for; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Every message key, taken from the zh-CN catalog. */
export type MessageKey = keyof typeof zhCN;

/** A complete catalog: exactly the zh-CN keys, each a string. */
export type Catalog = Record<MessageKey, string>;

/** The `{name}` parameters named in a message template. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** The parameters of a key, read from its zh-CN text. */
export type MessageParams<K extends MessageKey> = Placeholders<(typeof zhCN)[K]>;

/** t(key) for a message without parameters, t(key, { name: value }) for one with. */
export type TranslateArgs<K extends MessageKey> = [MessageParams<K>] extends [never]
  ? []
  : [params: Record<MessageParams<K>, string | number>];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

/** Keys whose message takes no parameters: the type for keys chosen at run time (menus, enums). */
export type PlainMessageKey = {
  [K in MessageKey]: [MessageParams<K>] extends [never] ? K : never;
}[MessageKey];
