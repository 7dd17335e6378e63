import { useMemo } from 'react';
import { parseSnippet, withoutMarkdown } from '../utils/snippet';

export interface HighlightedSnippetProps {
  /** The server's snippet: matches in <mark>…</mark>, the rest HTML-escaped. */
  snippet: string;
  className?: string;
  /** The snippet is of Markdown (a document body): drop heading hashes, table rules and the like. */
  markdown?: boolean;
}

/**
 * A search snippet with its matches highlighted. The snippet is parsed (utils/snippet.ts),
 * never injected as HTML: only <mark> becomes an element, everything else is text.
 */
export function HighlightedSnippet({ snippet, className, markdown = false }: HighlightedSnippetProps) {
  const parts = useMemo(() => {
    const parsed = parseSnippet(snippet);
    return markdown ? withoutMarkdown(parsed) : parsed;
  }, [snippet, markdown]);
  return (
    <span className={className ?? 'c360-snippet'}>
      {parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
