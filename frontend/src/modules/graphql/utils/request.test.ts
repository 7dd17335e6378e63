import { describe, expect, it, vi } from 'vitest';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { GraphQLRequestError } from '../types/GraphQLRequestError';
import { operationNameOf, request } from './request';

// A typed document as codegen emits it in string mode: a String carrying result/variable types.
function doc<R, V>(text: string): DocumentTypeDecoration<R, V> {
  return new String(text) as unknown as DocumentTypeDecoration<R, V>;
}

const Hello = doc<{ hello: string }, { name: string }>('query Hello($name: String!) { hello(name: $name) }');

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

async function failure(promise: Promise<unknown>): Promise<GraphQLRequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLRequestError);
    return error as GraphQLRequestError;
  }
  throw new Error('expected the request to fail');
}

describe('request', () => {
  it('posts query, variables and operation name with the CSRF header', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => jsonResponse({ data: { hello: 'hi' } }));
    const data = await request(Hello, { name: 'x' }, { fetch });

    expect(data).toEqual({ hello: 'hi' });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    const headers = init?.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-C360-CSRF']).toBe('1');
    expect(JSON.parse(init?.body as string)).toEqual({
      query: 'query Hello($name: String!) { hello(name: $name) }',
      variables: { name: 'x' },
      operationName: 'Hello',
    });
  });

  it('turns errors[0].extensions.code into a typed error with the server message', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({
        errors: [
          { message: 'not allowed to read customers', path: ['customers'], extensions: { code: 'FORBIDDEN' } },
          { message: 'second', extensions: { code: 'INTERNAL' } },
        ],
        data: null,
      }),
    );
    const error = await failure(request(Hello, { name: 'x' }, { fetch }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('not allowed to read customers');
    expect(error.path).toEqual(['customers']);
    expect(error.errors).toHaveLength(2);
    expect(error.status).toBe(200);
    expect(error.retryable).toBe(false);
  });

  it('exposes the first error\'s extensions: the bad field, a lock\'s wait', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({
        errors: [
          {
            message: 'too many failed sign-ins; try again later',
            extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 300, field: 'username' },
          },
        ],
        data: null,
      }),
    );
    const error = await failure(request(Hello, { name: 'x' }, { fetch }));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.extension('retryAfterSeconds')).toBe(300);
    expect(error.extension('nope')).toBeUndefined();
    expect(error.field).toBe('username');
    expect(error.retryable).toBe(false);
  });

  it('reads GraphQL errors from a non-2xx response too (gqlgen answers 422 for invalid queries)', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse(
        { errors: [{ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
        422,
      ),
    );
    const error = await failure(request(Hello, { name: 'x' }, { fetch }));
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.status).toBe(422);
  });

  it('knows SEARCH_UNAVAILABLE and lets it be retried', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({ errors: [{ message: 'knowledge search is unavailable right now', extensions: { code: 'SEARCH_UNAVAILABLE' } }] }),
    );
    const error = await failure(request(Hello, { name: 'x' }, { fetch }));
    expect(error.code).toBe('SEARCH_UNAVAILABLE');
    expect(error.retryable).toBe(true);
  });

  it('keeps an unknown code as UNKNOWN with the raw code', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({ errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }),
    );
    const error = await failure(request(Hello, { name: 'x' }, { fetch }));
    expect(error.code).toBe('UNKNOWN');
    expect(error.rawCode).toBe('RATE_LIMITED');
    expect(error.retryable).toBe(true);
  });

  it('rejects an error without extensions as UNKNOWN', async () => {
    const fetch = vi.fn(async () => jsonResponse({ errors: [{ message: 'boom' }] }));
    const error = await failure(request(Hello, { name: 'x' }, { fetch }));
    expect(error.code).toBe('UNKNOWN');
    expect(error.rawCode).toBeUndefined();
  });

  it('reports a non-JSON error page as HTTP with its status', async () => {
    const fetch = vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await failure(request(Hello, { name: 'x' }, { fetch }));
    expect(error.code).toBe('HTTP');
    expect(error.status).toBe(502);
    expect(error.message).toBe('HTTP 502 Bad Gateway');
    expect(error.retryable).toBe(true);
  });

  it('reports a 200 without data as BAD_RESPONSE', async () => {
    const fetch = vi.fn(async () => jsonResponse({ data: null }));
    expect((await failure(request(Hello, { name: 'x' }, { fetch }))).code).toBe('BAD_RESPONSE');
  });

  it('reports a failed fetch as NETWORK', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(request(Hello, { name: 'x' }, { fetch }));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('Failed to fetch');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('lets an abort through unchanged', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    const fetch = vi.fn(async () => {
      throw abort;
    });
    await expect(request(Hello, { name: 'x' }, { fetch })).rejects.toBe(abort);
  });
});

describe('operationNameOf', () => {
  it('finds the first operation name', () => {
    expect(operationNameOf('query CustomerList($first: Int) { x }')).toBe('CustomerList');
    expect(operationNameOf('\n  mutation CreateCustomer { x }')).toBe('CreateCustomer');
    expect(operationNameOf('fragment F on Customer { id } query Q { x }')).toBe('Q');
    expect(operationNameOf('{ anonymous }')).toBeUndefined();
  });
});
