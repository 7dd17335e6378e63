import { GraphQLRequestError } from '@/modules/graphql';
import { describe, expect, it } from 'vitest';
import { lockConflictOf, lockStateOf } from './lock';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const holder = { id: 'u-7', displayName: '知识编辑', username: 'editor' };

describe('lockStateOf', () => {
  it('is free without a holder or once the lock expired', () => {
    expect(lockStateOf({ lockHolderID: null, lockExpiresAt: null, lockHolder: null }, 'u-1', NOW)).toEqual({ kind: 'free' });
    expect(
      lockStateOf({ lockHolderID: 'u-7', lockExpiresAt: '2026-03-01T09:59:59Z', lockHolder: holder }, 'u-1', NOW),
    ).toEqual({ kind: 'free' });
  });

  it('is the viewer\'s own or another user\'s lock', () => {
    const doc = { lockHolderID: 'u-7', lockExpiresAt: '2026-03-01T10:15:00Z', lockHolder: holder };
    expect(lockStateOf(doc, 'u-7', NOW)).toEqual({ kind: 'mine', expiresAt: '2026-03-01T10:15:00Z' });
    expect(lockStateOf(doc, 'u-1', NOW)).toEqual({
      kind: 'other',
      holder: '知识编辑',
      holderID: 'u-7',
      expiresAt: '2026-03-01T10:15:00Z',
    });
  });
});

function conflict(extensions: Record<string, unknown>, message = 'the document is being edited') {
  return new GraphQLRequestError(message, {
    code: 'CONFLICT',
    errors: [{ message, extensions: { code: 'CONFLICT', ...extensions } }],
  });
}

describe('lockConflictOf', () => {
  it('reads the holder and expiry from the extensions', () => {
    expect(lockConflictOf(conflict({ lockHolder: '知识编辑', lockExpiresAt: '2026-03-01T10:15:00Z', lockHolderID: 7 }))).toEqual({
      holder: '知识编辑',
      expiresAt: '2026-03-01T10:15:00Z',
      message: 'the document is being edited',
    });
  });

  it('keeps the message of a conflict that names nobody', () => {
    expect(lockConflictOf(conflict({}, 'lock the document before editing it'))).toEqual({
      holder: undefined,
      expiresAt: undefined,
      message: 'lock the document before editing it',
    });
  });

  it('is null for other errors', () => {
    expect(lockConflictOf(new GraphQLRequestError('no', { code: 'FORBIDDEN' }))).toBeNull();
    expect(lockConflictOf(new Error('x'))).toBeNull();
  });
});
