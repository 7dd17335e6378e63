/** Codes the c360 server puts in `errors[].extensions.code` (see ARCHITECTURE.md, API conventions),
 * plus the ones gqlgen itself emits for requests that do not parse, validate or fit the limits. */
export const SERVER_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
  'TOO_MANY_REQUESTS',
  // The knowledge search backend is down or not ready; another try later may work.
  'SEARCH_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'COMPLEXITY_LIMIT_EXCEEDED',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/** Failures found on the client side: no answer, a non-GraphQL answer, or an unknown code. */
export type ClientErrorCode = 'NETWORK' | 'HTTP' | 'BAD_RESPONSE' | 'UNKNOWN';

export type ErrorCode = ServerErrorCode | ClientErrorCode;

/** One entry of a GraphQL response's `errors` array. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: unknown; [key: string]: unknown };
}

export function isServerErrorCode(value: unknown): value is ServerErrorCode {
  return typeof value === 'string' && (SERVER_ERROR_CODES as readonly string[]).includes(value);
}

// Retrying cannot change the answer to these.
const FINAL_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  // Locked out for a while (sign-in throttle): the answer says when to try again.
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'COMPLEXITY_LIMIT_EXCEEDED',
]);

/**
 * The one error type a GraphQL call rejects with. `code` is the first error's
 * `extensions.code` when the server sent one, else a client-side code; `message` is the
 * server's message as sent (the server never puts internals in it).
 */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  readonly code: ErrorCode;
  /** The code exactly as the server sent it, when it was not one this client knows. */
  readonly rawCode?: string;
  /** HTTP status of the response, when there was one. */
  readonly status?: number;
  /** Path of the field that failed (first error), e.g. ["customers"]. */
  readonly path?: ReadonlyArray<string | number>;
  /** All errors of the response. */
  readonly errors: readonly GraphQLErrorEntry[];

  constructor(
    message: string,
    init: {
      code: ErrorCode;
      rawCode?: string;
      status?: number;
      path?: ReadonlyArray<string | number>;
      errors?: readonly GraphQLErrorEntry[];
      cause?: unknown;
    },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.rawCode = init.rawCode;
    this.status = init.status;
    this.path = init.path;
    this.errors = init.errors ?? [];
  }

  /** An entry of the first error's `extensions` (e.g. `field`, `retryAfterSeconds`). */
  extension(key: string): unknown {
    return this.errors[0]?.extensions?.[key];
  }

  /** The input field a BAD_USER_INPUT error is about (`extensions.field`), if named. */
  get field(): string | undefined {
    const field = this.extension('field');
    return typeof field === 'string' ? field : undefined;
  }

  /** Whether sending the same request again may succeed. */
  get retryable(): boolean {
    return !FINAL_CODES.has(this.code);
  }
}

export function isGraphQLRequestError(value: unknown): value is GraphQLRequestError {
  return value instanceof GraphQLRequestError;
}
