import type { Translate } from '@/i18n';
import { errorMessageKey, isGraphQLRequestError } from '@/modules/graphql';

/** A failed action as one line: the translated summary of its code and the server's message. */
export function errorText(t: Translate, error: unknown): string {
  if (isGraphQLRequestError(error)) return `${t(errorMessageKey(error.code))}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** The input field a BAD_USER_INPUT error names, if it is one of the form's. */
export function formFieldOf(error: unknown): 'title' | 'summary' | 'body' | 'tags' | 'changeNote' | undefined {
  if (!isGraphQLRequestError(error) || error.code !== 'BAD_USER_INPUT') return undefined;
  const field = error.field;
  return field === 'title' || field === 'summary' || field === 'body' || field === 'tags' || field === 'changeNote'
    ? field
    : undefined;
}
