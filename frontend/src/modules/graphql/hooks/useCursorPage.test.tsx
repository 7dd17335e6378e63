import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useCursorPage } from './useCursorPage';

function setup(url: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => ({ paging: useCursorPage(), location: useLocation(), navigate: useNavigate() }),
    { wrapper },
  );
}

describe('useCursorPage', () => {
  it('reads its state from the URL', () => {
    const { result } = setup('/customers?q=%E7%8E%8B&after=c1&page=2');
    expect(result.current.paging.state).toMatchObject({ query: '王', after: 'c1', page: 2 });
    expect(result.current.paging.variables).toEqual({ first: 20, after: 'c1' });
  });

  it('writes each move to the URL and pages back with history', () => {
    const { result } = setup('/customers?q=x&tab=a');

    act(() => result.current.paging.goNext('end1'));
    expect(result.current.location.search).toBe('?tab=a&q=x&after=end1&page=2');

    act(() => result.current.paging.goNext('end2'));
    expect(result.current.paging.state).toMatchObject({ after: 'end2', page: 3 });

    act(() => result.current.paging.goPrevious('start3'));
    expect(result.current.location.search).toBe('?tab=a&q=x&before=start3&page=2');
    expect(result.current.paging.variables).toEqual({ last: 20, before: 'start3' });

    act(() => result.current.paging.goPrevious('start2'));
    expect(result.current.location.search).toBe('?tab=a&q=x');

    // Browser back returns to the page before.
    act(() => result.current.navigate(-1));
    expect(result.current.paging.state).toMatchObject({ before: 'start3', page: 2 });
  });

  it('starts a new search at page 1', () => {
    const { result } = setup('/customers?after=c9&page=5');
    act(() => result.current.paging.setQuery(' 李 '));
    expect(result.current.location.search).toBe('?q=%E6%9D%8E');
    act(() => result.current.paging.setSize(50));
    expect(result.current.location.search).toBe('?q=%E6%9D%8E&size=50');
  });

  it('sets and clears a filter parameter, back at page 1', () => {
    const { result } = setup('/audit?size=50&after=c9&page=4');
    act(() => result.current.paging.setFilter('action', 'login'));
    expect(result.current.location.search).toBe('?size=50&action=login');
    expect(result.current.paging.state).toMatchObject({ page: 1, after: undefined });
    act(() => result.current.paging.goNext('end1'));
    act(() => result.current.paging.setFilter('action', ''));
    expect(result.current.location.search).toBe('?size=50');
  });

  it('keeps the same variables object while the URL does not change', () => {
    const { result, rerender } = setup('/customers?after=c1&page=2');
    const before = result.current.paging.variables;
    rerender();
    expect(result.current.paging.variables).toBe(before);
  });
});
