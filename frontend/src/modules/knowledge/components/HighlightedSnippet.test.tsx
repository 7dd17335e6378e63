import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightedSnippet } from './HighlightedSnippet';

describe('HighlightedSnippet', () => {
  it('turns only <mark> into an element; escaped markup stays text', () => {
    const { container } = render(
      <HighlightedSnippet snippet={'&lt;script&gt;alert(1)&lt;/script&gt; 办理<mark>宽带</mark> &amp; <mark>&lt;b&gt;光猫&lt;/b&gt;</mark>'} />,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.textContent).toBe('<script>alert(1)</script> 办理宽带 & <b>光猫</b>');
    expect(container.querySelectorAll('script, b')).toHaveLength(0);
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['宽带', '<b>光猫</b>']);
    // Every element is a <span> run or a <mark>.
    const tags = new Set([...root.querySelectorAll('*')].map((el) => el.tagName));
    expect([...tags].sort()).toEqual(['MARK', 'SPAN']);
  });

  it('shows a raw tag the server did not escape as text, never as markup', () => {
    const { container } = render(<HighlightedSnippet snippet={'<img src=x onerror=alert(1)><mark>x</mark>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)>x');
  });
});
