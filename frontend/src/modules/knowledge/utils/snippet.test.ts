import { describe, expect, it } from 'vitest';
import { decodeEntities, parseSnippet, snippetText, withoutMarkdown } from './snippet';

describe('parseSnippet', () => {
  it('splits a snippet into text and marked runs', () => {
    expect(parseSnippet('客户报修<mark>宽带</mark>无法上网，<mark>宽带</mark>')).toEqual([
      { text: '客户报修', mark: false },
      { text: '宽带', mark: true },
      { text: '无法上网，', mark: false },
      { text: '宽带', mark: true },
    ]);
  });

  it('decodes the escapes of the text, so escaped markup stays text', () => {
    expect(parseSnippet('a &lt;script&gt;alert(1)&lt;/script&gt; <mark>b&amp;c</mark> &#39;q&#34;')).toEqual([
      { text: 'a <script>alert(1)</script> ', mark: false },
      { text: 'b&c', mark: true },
      { text: " 'q\"", mark: false },
    ]);
  });

  it('treats any other tag as text', () => {
    expect(parseSnippet('<b>x</b><mark><i>y</i></mark>')).toEqual([
      { text: '<b>x</b>', mark: false },
      { text: '<i>y</i>', mark: true },
    ]);
    expect(parseSnippet('<mark onclick="x">z</mark>')).toEqual([{ text: '<mark onclick="x">z', mark: false }]);
  });

  it('tolerates unbalanced tags and drops empty runs', () => {
    expect(parseSnippet('</mark>a<mark>b')).toEqual([
      { text: 'a', mark: false },
      { text: 'b', mark: true },
    ]);
    expect(parseSnippet('<mark></mark>a<MARK>b</MARK>')).toEqual([
      { text: 'a', mark: false },
      { text: 'b', mark: true },
    ]);
    expect(parseSnippet('')).toEqual([]);
  });

  it('gives the plain text', () => {
    expect(snippetText('<mark>光猫</mark> &amp; 路由器')).toBe('光猫 & 路由器');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references and keeps unknown ones', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#x4E2D;&#25991;&bogus;&#0;&#xD800;')).toBe(
      '<>&"\'中文&bogus;&#0;&#xD800;',
    );
  });
});

describe('withoutMarkdown', () => {
  it('drops heading hashes, table rules and emphasis from the text, never from matches', () => {
    const parts = parseSnippet('# <mark>宽带</mark>常见问题 ## 问：**千兆** | 项目 | 内容 | | --- | :---: | | 资费 | <mark>#1</mark>');
    expect(withoutMarkdown(parts)).toEqual([
      { text: '宽带', mark: true },
      { text: '常见问题 问：千兆 | 项目 | 内容 | | 资费 | ', mark: false },
      { text: '#1', mark: true },
    ]);
  });
});
