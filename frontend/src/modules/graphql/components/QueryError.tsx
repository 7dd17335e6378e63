import { useI18n, type PlainMessageKey } from '@/i18n';
import { ErrorState } from '@/ui/feedback/ErrorState';
import type { ErrorCode } from '../types/GraphQLRequestError';
import { isGraphQLRequestError } from '../types/GraphQLRequestError';

/** Every error code has a translated summary (a missing one is a compile error). */
export function errorMessageKey(code: ErrorCode): PlainMessageKey {
  return `error.${code}`;
}

export interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows a failed query in place: a translated summary, the server's message, the code. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useI18n();
  const code: ErrorCode = isGraphQLRequestError(error) ? error.code : 'UNKNOWN';
  const message = error instanceof Error ? error.message : String(error);
  const shownCode = isGraphQLRequestError(error) ? (error.rawCode ?? error.code) : undefined;
  return (
    <ErrorState
      title={`${t('error.title')}: ${t(errorMessageKey(code))}`}
      message={message}
      code={shownCode}
      retryLabel={t('common.retry')}
      onRetry={onRetry}
    />
  );
}
