import { isGraphQLRequestError } from '@/modules/graphql';

/** Who may edit a document right now. */
export type LockState =
  | { kind: 'free' }
  | { kind: 'mine'; expiresAt: string }
  | { kind: 'other'; holder: string; holderID: string | null; expiresAt: string };

interface LockFields {
  lockHolderID: string | null;
  lockExpiresAt: string | null;
  lockHolder: { id: string; displayName: string; username: string } | null;
}

/** The lock as the document reports it; an expired lock is free. */
export function lockStateOf(doc: LockFields, viewerUserID: string | undefined, now: number): LockState {
  const { lockHolderID, lockExpiresAt } = doc;
  if (!lockHolderID || !lockExpiresAt || new Date(lockExpiresAt).getTime() <= now) {
    return { kind: 'free' };
  }
  if (viewerUserID && lockHolderID === viewerUserID) return { kind: 'mine', expiresAt: lockExpiresAt };
  return {
    kind: 'other',
    holder: doc.lockHolder?.displayName || doc.lockHolder?.username || '',
    holderID: lockHolderID,
    expiresAt: lockExpiresAt,
  };
}

/** What a CONFLICT about the edit lock tells: who holds it and until when. */
export interface LockConflict {
  /** Display name of the holder; undefined when the server could not name one (a race). */
  holder?: string;
  /** RFC 3339. */
  expiresAt?: string;
  /** The server's message, as sent. */
  message: string;
}

/**
 * Reads a CONFLICT error of a lock-guarded mutation. Its extensions carry `lockHolder` and
 * `lockExpiresAt` when somebody else holds the lock; other conflicts (the caller's own lock
 * expired, the document is archived) have only the message. Null for any other error.
 */
export function lockConflictOf(error: unknown): LockConflict | null {
  if (!isGraphQLRequestError(error) || error.code !== 'CONFLICT') return null;
  const holder = error.extension('lockHolder');
  const expiresAt = error.extension('lockExpiresAt');
  return {
    holder: typeof holder === 'string' && holder ? holder : undefined,
    expiresAt: typeof expiresAt === 'string' && expiresAt ? expiresAt : undefined,
    message: error.message,
  };
}
