import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';
import { zhCN } from './catalogs/zh-CN';
import { formatMessage, parseLocale, placeholdersOf, translate } from './format';
import { LOCALES, type Translate } from './types';

describe('catalogs', () => {
  const reference = Object.keys(zhCN).sort();

  it('has a catalog for every locale', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const catalog = catalogs[locale];

      it('has exactly the zh-CN keys', () => {
        expect(Object.keys(catalog).sort()).toEqual(reference);
      });

      it('has no empty message', () => {
        const empty = Object.entries(catalog).filter(([, text]) => text.trim() === '');
        expect(empty).toEqual([]);
      });

      it('uses the same {parameters} as zh-CN', () => {
        const mismatched = Object.entries(catalog)
          .filter(([key, text]) => {
            const source = zhCN[key as keyof typeof zhCN];
            return placeholdersOf(text).join() !== placeholdersOf(source).join();
          })
          .map(([key]) => key);
        expect(mismatched).toEqual([]);
      });
    });
  }
});

describe('formatMessage', () => {
  it('fills parameters and keeps unknown ones visible', () => {
    expect(formatMessage('第 {page} 页，共 {total} 条', { page: 2, total: 200 })).toBe(
      '第 2 页，共 200 条',
    );
    expect(formatMessage('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(formatMessage('plain')).toBe('plain');
  });

  it('translates through a catalog', () => {
    expect(translate(catalogs['en-US'], 'common.pageSize', { size: 20 })).toBe('20 / page');
    expect(translate(catalogs['zh-CN'], 'nav.customers')).toBe('客户');
  });
});

describe('parseLocale', () => {
  it('accepts known locales and falls back to zh-CN', () => {
    expect(parseLocale('en-US')).toBe('en-US');
    expect(parseLocale('fr-FR')).toBe('zh-CN');
    expect(parseLocale(null)).toBe('zh-CN');
  });
});

// Compile-time checks (run by `npm run build` through tsc, not by vitest).
export function typeChecks(t: Translate): string[] {
  return [
    t('nav.customers'),
    t('common.pageSize', { size: 20 }),
    // @ts-expect-error unknown key
    t('nav.nope'),
    // @ts-expect-error missing parameters
    t('common.pageSize'),
    // @ts-expect-error parameter of another name
    t('common.pageSize', { page: 1 }),
  ];
}
