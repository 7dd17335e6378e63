import type { Catalog, Locale, MessageKey } from './types';
import { DEFAULT_LOCALE, LOCALES } from './types';

const PARAM = /\{(\w+)\}/g;

/** Fills `{name}` parameters; an unknown parameter stays visible rather than vanishing. */
export function formatMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(PARAM, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Looks a key up in a catalog; a key missing at run time (impossible when types hold) shows itself. */
export function translate(
  catalog: Catalog,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  return formatMessage(catalog[key] ?? key, params);
}

/** The names of the `{name}` parameters in a template, sorted. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PARAM)].map((m) => m[1]).sort();
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Parses a stored or requested locale, falling back to the default. */
export function parseLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Formats an RFC 3339 timestamp for display in the given locale (local time zone). */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** Formats an integer count with locale grouping. */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}
