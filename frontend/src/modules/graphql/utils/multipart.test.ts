import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { describe, expect, it, vi } from 'vitest';
import { buildMultipartBody, extractFiles } from './multipart';
import { request } from './request';

const UPLOAD = 'mutation UploadAttachment($documentID: ID!, $file: Upload!) { uploadAttachment(documentID: $documentID, file: $file) { id } }';

/** A blob's text (jsdom's File has no text()). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function doc<R, V>(text: string): DocumentTypeDecoration<R, V> {
  return new String(text) as unknown as DocumentTypeDecoration<R, V>;
}

describe('extractFiles', () => {
  it('replaces files with null and lists their paths, one entry per file', () => {
    const a = new File(['a'], 'a.txt');
    const b = new Blob(['b']);
    const variables = { id: '1', file: a, list: [b, a], nested: { deep: b, n: 2 } };
    const { clone, files } = extractFiles(variables);
    expect(clone).toEqual({ id: '1', file: null, list: [null, null], nested: { deep: null, n: 2 } });
    expect(files).toEqual([
      { file: a, paths: ['variables.file', 'variables.list.1'] },
      { file: b, paths: ['variables.list.0', 'variables.nested.deep'] },
    ]);
    // The variables themselves are left alone.
    expect(variables.file).toBe(a);
  });

  it('finds nothing in plain variables', () => {
    expect(extractFiles({ id: '1', tags: ['x'], when: null })).toEqual({
      clone: { id: '1', tags: ['x'], when: null },
      files: [],
    });
  });
});

describe('buildMultipartBody', () => {
  it('sends operations, map and the file parts in the order of the spec', async () => {
    const file = new File(['%PDF-1.7 宽带'], '宽带指引.pdf', { type: 'application/pdf' });
    const form = buildMultipartBody({
      query: UPLOAD,
      variables: { documentID: '60129542145', file },
      operationName: 'UploadAttachment',
    });
    expect([...form.keys()]).toEqual(['operations', 'map', '0']);
    expect(JSON.parse(String(form.get('operations')))).toEqual({
      query: UPLOAD,
      variables: { documentID: '60129542145', file: null },
      operationName: 'UploadAttachment',
    });
    expect(JSON.parse(String(form.get('map')))).toEqual({ '0': ['variables.file'] });
    const part = form.get('0');
    expect(part).toBeInstanceOf(File);
    expect((part as File).name).toBe('宽带指引.pdf');
    expect((part as File).type).toBe('application/pdf');
    expect(await readText(part as File)).toBe('%PDF-1.7 宽带');
  });
});

describe('request with a file', () => {
  it('posts multipart with the CSRF header, same-origin credentials and no JSON content type', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () => new Response(JSON.stringify({ data: { uploadAttachment: { id: 'a-1' } } })),
    );
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    const data = await request(
      doc<{ uploadAttachment: { id: string } }, { documentID: string; file: File }>(UPLOAD),
      { documentID: 'd-1', file },
      { fetch },
    );
    expect(data).toEqual({ uploadAttachment: { id: 'a-1' } });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    const headers = init?.headers as Record<string, string>;
    expect(headers['X-C360-CSRF']).toBe('1');
    // The browser sets multipart/form-data with its boundary.
    expect(headers['Content-Type']).toBeUndefined();
    const body = init?.body;
    expect(body).toBeInstanceOf(FormData);
    const form = body as FormData;
    expect(JSON.parse(String(form.get('operations'))).operationName).toBe('UploadAttachment');
    const part = form.get('0') as File;
    expect([part.name, part.type, part.size]).toEqual(['notes.txt', 'text/plain', 5]);
  });
});
