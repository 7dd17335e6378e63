/** Whether the server masked a value for this viewer (`138****5678`, `330***********1234`). */
export function isMasked(value: string | null | undefined): boolean {
  return Boolean(value && value.includes('*'));
}

/** The server's bounds on a reveal reason (trimmed, in characters). */
export const REASON_MIN = 2;
export const REASON_MAX = 500;

/** Length in characters (code points), as the server counts: 中文 counts 1 per character. */
export function reasonLength(reason: string): number {
  return Array.from(reason.trim()).length;
}
