import type { Translate } from '@/i18n';
import { isGraphQLRequestError, type ErrorCode } from '@/modules/graphql';

/** Why a sign-in failed, as the login page explains it. */
export type LoginFailure =
  | { kind: 'wrongCredentials' }
  | { kind: 'locked'; retryAfterSeconds?: number }
  | { kind: 'other'; code: ErrorCode; message: string };

/**
 * Reads a failed `login` call: UNAUTHENTICATED means wrong username or password (the server
 * does not say which), TOO_MANY_REQUESTS a lock with `extensions.retryAfterSeconds`.
 */
export function loginFailureOf(error: unknown): LoginFailure {
  if (!isGraphQLRequestError(error)) {
    return { kind: 'other', code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
  }
  if (error.code === 'UNAUTHENTICATED') return { kind: 'wrongCredentials' };
  if (error.code === 'TOO_MANY_REQUESTS') {
    const raw = error.extension('retryAfterSeconds');
    const seconds = typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? Math.ceil(raw) : undefined;
    return { kind: 'locked', retryAfterSeconds: seconds };
  }
  return { kind: 'other', code: error.code, message: error.message };
}

/** A wait in whole seconds as "45 秒" / "4 分 05 秒" (the catalog's words). */
export function formatWait(totalSeconds: number, t: Translate): string {
  const whole = Math.max(0, Math.ceil(totalSeconds));
  if (whole < 60) return t('common.durationSeconds', { seconds: whole });
  const seconds = String(whole % 60).padStart(2, '0');
  return t('common.durationMinutes', { minutes: Math.floor(whole / 60), seconds });
}
