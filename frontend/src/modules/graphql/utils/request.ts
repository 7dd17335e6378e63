import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  GraphQLRequestError,
  isServerErrorCode,
  type GraphQLErrorEntry,
} from '../types/GraphQLRequestError';
import { buildMultipartBody, hasFiles } from './multipart';

/** Same-origin endpoint; the Vite dev server proxies it to the Go server. */
export const GRAPHQL_ENDPOINT = '/graphql';

/** Header the server's CSRF check requires on every request (a simple request cannot set it). */
export const CSRF_HEADER = 'X-C360-CSRF';

export interface RequestOptions {
  signal?: AbortSignal;
  endpoint?: string;
  /** Injected by tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Reads the operation name from a document, so the server logs and traces can name it. */
export function operationNameOf(document: string): string | undefined {
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document)?.[1];
}

/** The body and headers of a request: JSON, or multipart when the variables hold files. */
export function requestInit(
  query: string,
  variables: unknown,
): { body: string | FormData; headers: Record<string, string> } {
  const operation = { query, variables, operationName: operationNameOf(query) };
  const headers: Record<string, string> = {
    Accept: 'application/graphql-response+json, application/json',
    [CSRF_HEADER]: '1',
  };
  if (hasFiles(variables)) {
    // No Content-Type: the browser sets multipart/form-data with its boundary.
    return { body: buildMultipartBody(operation), headers };
  }
  return {
    body: JSON.stringify(operation),
    headers: { 'Content-Type': 'application/json', ...headers },
  };
}

/**
 * Posts one typed operation to /graphql and returns its data. Variables holding a File or
 * Blob (an `Upload` argument) go as a multipart request (see multipart.ts). Rejects with a
 * GraphQLRequestError for any failure: no answer, a non-JSON answer, or a response whose
 * `errors` is not empty (data that came along with errors is dropped: a page shows either
 * its data or the error). An aborted request rejects with the AbortError unchanged.
 */
export async function request<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const query = document.toString();
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  const { body: requestBody, headers } = requestInit(query, variables);

  let response: Response;
  try {
    response = await doFetch(options.endpoint ?? GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: requestBody,
      signal: options.signal,
    });
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new GraphQLRequestError(messageOf(cause), { code: 'NETWORK', cause });
  }

  const body = await readJSON(response);
  if (body === undefined) {
    throw new GraphQLRequestError(`HTTP ${response.status} ${response.statusText}`.trim(), {
      code: response.ok ? 'BAD_RESPONSE' : 'HTTP',
      status: response.status,
    });
  }

  const errors = normaliseErrors(body.errors);
  if (errors.length > 0) {
    const [first] = errors;
    const rawCode = first.extensions?.code;
    const known = isServerErrorCode(rawCode);
    throw new GraphQLRequestError(first.message, {
      code: known ? rawCode : 'UNKNOWN',
      rawCode: !known && typeof rawCode === 'string' ? rawCode : undefined,
      status: response.status,
      path: first.path,
      errors,
    });
  }
  if (!response.ok) {
    throw new GraphQLRequestError(`HTTP ${response.status} ${response.statusText}`.trim(), {
      code: 'HTTP',
      status: response.status,
    });
  }
  if (body.data === null || typeof body.data !== 'object') {
    throw new GraphQLRequestError('response has no data', {
      code: 'BAD_RESPONSE',
      status: response.status,
    });
  }
  return body.data as TResult;
}

interface ResponseBody {
  data?: unknown;
  errors?: unknown;
}

async function readJSON(response: Response): Promise<ResponseBody | undefined> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as ResponseBody) : undefined;
  } catch {
    return undefined;
  }
}

function normaliseErrors(raw: unknown): GraphQLErrorEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: unknown): GraphQLErrorEntry => {
    if (entry === null || typeof entry !== 'object') return { message: String(entry) };
    const e = entry as Record<string, unknown>;
    return {
      message: typeof e.message === 'string' ? e.message : 'unknown error',
      path: Array.isArray(e.path) ? (e.path as Array<string | number>) : undefined,
      extensions:
        e.extensions !== null && typeof e.extensions === 'object'
          ? (e.extensions as GraphQLErrorEntry['extensions'])
          : undefined,
    };
  });
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
