import type { AnchorHTMLAttributes } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

export interface MarkdownViewProps {
  source: string;
}

function ExternalLink({ href, children, node: _node, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { node?: unknown }) {
  const external = Boolean(href && /^https?:\/\//i.test(href));
  return (
    <a
      {...rest}
      href={href}
      target={external ? '_blank' : undefined}
      rel={external ? 'noopener noreferrer nofollow' : undefined}
    >
      {children}
    </a>
  );
}

const COMPONENTS: Components = { a: ExternalLink };

/**
 * A document body (Markdown with GitHub tables and task lists). Raw HTML in the source is
 * dropped (`skipHtml`), and react-markdown's URL filter removes javascript: and other unsafe
 * links, so a document cannot inject markup or script into the app. Import it lazily: it pulls
 * the Markdown parser into its own chunk.
 */
export default function MarkdownView({ source }: MarkdownViewProps) {
  return (
    <div className="c360-markdown" data-testid="markdown">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={COMPONENTS}>
        {source}
      </Markdown>
    </div>
  );
}
