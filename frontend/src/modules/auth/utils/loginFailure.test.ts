import { describe, expect, it } from 'vitest';
import { catalogs } from '@/i18n/catalogs';
import { translate } from '@/i18n/format';
import type { Translate } from '@/i18n';
import { GraphQLRequestError } from '@/modules/graphql';
import { formatWait, loginFailureOf } from './loginFailure';

function serverError(code: 'UNAUTHENTICATED' | 'TOO_MANY_REQUESTS' | 'INTERNAL', extensions = {}) {
  return new GraphQLRequestError('message from the server', {
    code,
    errors: [{ message: 'message from the server', extensions: { code, ...extensions } }],
  });
}

const zh = ((key, params?: Record<string, string | number>) =>
  translate(catalogs['zh-CN'], key, params)) as Translate;
const en = ((key, params?: Record<string, string | number>) =>
  translate(catalogs['en-US'], key, params)) as Translate;

describe('loginFailureOf', () => {
  it('reads UNAUTHENTICATED as wrong username or password', () => {
    expect(loginFailureOf(serverError('UNAUTHENTICATED'))).toEqual({ kind: 'wrongCredentials' });
  });

  it('reads TOO_MANY_REQUESTS as a lock with the seconds to wait', () => {
    expect(loginFailureOf(serverError('TOO_MANY_REQUESTS', { retryAfterSeconds: 299.2 }))).toEqual({
      kind: 'locked',
      retryAfterSeconds: 300,
    });
    expect(loginFailureOf(serverError('TOO_MANY_REQUESTS'))).toEqual({
      kind: 'locked',
      retryAfterSeconds: undefined,
    });
  });

  it('keeps any other failure with its code and message', () => {
    expect(loginFailureOf(serverError('INTERNAL'))).toEqual({
      kind: 'other',
      code: 'INTERNAL',
      message: 'message from the server',
    });
    expect(loginFailureOf(new TypeError('boom'))).toEqual({
      kind: 'other',
      code: 'UNKNOWN',
      message: 'boom',
    });
  });
});

describe('formatWait', () => {
  it('says seconds, or minutes and seconds', () => {
    expect(formatWait(45, zh)).toBe('45 秒');
    expect(formatWait(245, zh)).toBe('4 分 05 秒');
    expect(formatWait(60, en)).toBe('1 min 00 s');
    expect(formatWait(0.2, en)).toBe('1 s');
  });
});
