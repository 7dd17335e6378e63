/**
 * GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec):
 * an operation whose variables hold files (an `Upload` argument) is posted as
 * multipart/form-data with three kinds of parts, in this order:
 *
 *   operations  the usual JSON body, with every file replaced by null
 *   map         JSON: which variable path(s) each file part fills, {"0": ["variables.file"]}
 *   0, 1, …     the files
 *
 * The server (gqlgen's MultipartForm transport) puts the files back into the variables.
 */

/** The JSON part of a GraphQL request. */
export interface GraphQLOperation {
  query: string;
  variables: unknown;
  operationName?: string;
}

/** One file found in the variables, with every object path it appears at. */
export interface ExtractedFile {
  file: Blob;
  /** Object paths from the operation, e.g. `variables.file`, `variables.files.0`. */
  paths: string[];
}

export interface ExtractedFiles<T> {
  /** A copy of the value with each file replaced by null. */
  clone: T;
  files: ExtractedFile[];
}

function isFile(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Finds the files (File or Blob) in a value, walking plain objects and arrays. The same file
 * at two paths is sent once and mapped to both. The value itself is not changed.
 */
export function extractFiles<T>(value: T, path = 'variables'): ExtractedFiles<T> {
  const byFile = new Map<Blob, string[]>();

  const walk = (node: unknown, at: string): unknown => {
    if (isFile(node)) {
      const paths = byFile.get(node);
      if (paths) paths.push(at);
      else byFile.set(node, [at]);
      return null;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${at}.${i}`));
    if (isPlainObject(node)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) out[key] = walk(item, `${at}.${key}`);
      return out;
    }
    return node;
  };

  const clone = walk(value, path) as T;
  return { clone, files: [...byFile].map(([file, paths]) => ({ file, paths })) };
}

/** Whether a value holds any file, i.e. must go as a multipart request. */
export function hasFiles(value: unknown): boolean {
  return extractFiles(value).files.length > 0;
}

/**
 * The multipart body of an operation whose variables hold files: `operations`, `map`, then
 * one part per file named by its index. Send it without a Content-Type header: the browser
 * sets multipart/form-data with the boundary.
 */
export function buildMultipartBody(operation: GraphQLOperation): FormData {
  const { clone, files } = extractFiles(operation.variables);
  const form = new FormData();
  form.append('operations', JSON.stringify({ ...operation, variables: clone }));
  const map: Record<string, string[]> = {};
  files.forEach(({ paths }, i) => {
    map[String(i)] = paths;
  });
  form.append('map', JSON.stringify(map));
  files.forEach(({ file }, i) => {
    const name = file instanceof File ? file.name : 'blob';
    form.append(String(i), file, name);
  });
  return form;
}
