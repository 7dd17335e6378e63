/**
 * Search snippets come from the server as HTML: the matches wrapped in <mark>…</mark>, every
 * other character HTML-escaped. They are never put into the page as HTML: this parser splits
 * them on the two literal tags and decodes the escapes of the text between, and the component
 * renders the parts as text nodes and <mark> elements. Anything else that looks like a tag is
 * shown as the text it is.
 */

/** A run of snippet text; `mark` when it is a match. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const TAG = /<(\/?)mark>/gi;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g;

/** Decodes the HTML character references an escaper emits; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // Not NUL, not a surrogate, within Unicode.
      if (code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) {
        return String.fromCodePoint(code);
      }
      return whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a snippet into text and marked runs. Unbalanced tags are tolerated: a stray
 * </mark> is dropped, an unclosed <mark> marks the rest; empty runs are left out and
 * neighbouring runs of the same kind are joined.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (raw: string, mark: boolean) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  let marked = false;
  let pos = 0;
  for (const match of snippet.matchAll(TAG)) {
    push(snippet.slice(pos, match.index), marked);
    marked = match[1] !== '/';
    pos = match.index + match[0].length;
  }
  push(snippet.slice(pos), marked);
  return parts;
}

/** The snippet as plain text (for titles, tooltips and tests). */
export function snippetText(snippet: string): string {
  return parseSnippet(snippet)
    .map((part) => part.text)
    .join('');
}

// Markdown markers that carry no meaning in a one-line snippet of a document body: heading
// hashes, table rules ("| --- | :---: |"), emphasis stars and backticks.
const HEADING = /(^|\s)#{1,6}\s+/g;
const TABLE_RULE = /\|?(\s*:?-{3,}:?\s*\|)+(\s*:?-{3,}:?\s*)?/g;
const EMPHASIS = /(\*\*|__|`)/g;

/**
 * A snippet of Markdown text made easier to read: the markers above are dropped from the text
 * runs (the matches are left as they are) and whitespace runs are collapsed.
 */
export function withoutMarkdown(parts: SnippetPart[]): SnippetPart[] {
  return parts
    .map((part) =>
      part.mark
        ? part
        : {
            ...part,
            text: part.text.replace(HEADING, '$1').replace(TABLE_RULE, ' ').replace(EMPHASIS, '').replace(/\s{2,}/g, ' '),
          },
    )
    .filter((part) => part.text !== '');
}
