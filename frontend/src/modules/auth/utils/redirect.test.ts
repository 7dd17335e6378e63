import { describe, expect, it } from 'vitest';
import { loginPath, redirectTarget } from './redirect';

const target = (search: string) => redirectTarget(new URLSearchParams(search));

describe('loginPath', () => {
  it('remembers the page, except the home page and the login page itself', () => {
    expect(loginPath('/customers?q=张&page=2')).toBe(
      '/login?redirect=%2Fcustomers%3Fq%3D%E5%BC%A0%26page%3D2',
    );
    expect(loginPath('/')).toBe('/login');
    expect(loginPath(undefined)).toBe('/login');
    expect(loginPath('/login?redirect=%2Fx')).toBe('/login');
  });
});

describe('redirectTarget', () => {
  it('round-trips loginPath', () => {
    const url = new URL(loginPath('/customers/42#pii'), 'http://x');
    expect(redirectTarget(url.searchParams)).toBe('/customers/42#pii');
  });

  it('goes home without a usable target', () => {
    expect(target('')).toBe('/');
    expect(target('redirect=')).toBe('/');
    expect(target('redirect=customers')).toBe('/');
  });

  it('never leaves the site or loops back to /login', () => {
    expect(target('redirect=https://evil.example/')).toBe('/');
    expect(target('redirect=//evil.example/x')).toBe('/');
    expect(target('redirect=/%5Cevil.example')).toBe('/');
    expect(target('redirect=/login')).toBe('/');
    expect(target('redirect=/login?redirect=/x')).toBe('/');
    expect(target('redirect=/loginx')).toBe('/loginx');
  });
});
