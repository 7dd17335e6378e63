import { describe, expect, it } from 'vitest';

// src/ui is presentational (STYLE.md point 11): it never reaches into features, generated
// API types or the i18n layer; text comes in through props.
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const FORBIDDEN = /from ['"](@\/|(\.\.\/)+)(modules|generated|i18n|pages)\b/;

describe('src/ui', () => {
  it('has sources to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(0);
  });

  it('imports no module, generated code, i18n or page', () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => FORBIDDEN.test(text))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});
