/** Query parameter of /login that holds where to go after signing in. */
export const REDIRECT_PARAM = 'redirect';

export const LOGIN_PATH = '/login';

/** The sign-in page, remembering `from` (path + search + hash) unless it is the home page. */
export function loginPath(from?: string): string {
  if (!from || from === '/' || isLoginPath(from)) return LOGIN_PATH;
  return `${LOGIN_PATH}?${new URLSearchParams({ [REDIRECT_PARAM]: from }).toString()}`;
}

/**
 * Where to go after signing in: the `redirect` parameter when it is a path of this app, else
 * the home page. Anything that could leave the site (`//host`, `/\host`, `https://…`) or loop
 * back to the sign-in page is refused.
 */
export function redirectTarget(params: URLSearchParams): string {
  const raw = params.get(REDIRECT_PARAM);
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (isLoginPath(raw)) return '/';
  return raw;
}

function isLoginPath(path: string): boolean {
  return path === LOGIN_PATH || /^\/login[/?#]/.test(path);
}
