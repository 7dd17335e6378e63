import { useI18n } from '@/i18n';
import { QueryError } from '@/modules/graphql';
import { Alert, Segmented, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useDocumentVersion } from '../hooks/useKnowledgeDocument';
import type { KnowledgeDocument } from '../types';
import { statusKey } from '../utils/labels';
import { workingVersionID } from './DocumentEditor';

const MarkdownView = lazy(() => import('./MarkdownView'));

type Showing = 'published' | 'working';

export interface DocumentContentProps {
  doc: KnowledgeDocument;
  /** Whether the viewer may see drafts (the working version of a published document). */
  draftsVisible: boolean;
}

/** Summary, tags and the rendered body; for editors, a switch to the working draft of a published document. */
export function DocumentContent({ doc, draftsVisible }: DocumentContentProps) {
  const { t } = useI18n();
  const workingID = draftsVisible ? workingVersionID(doc) : undefined;
  const [showing, setShowing] = useState<Showing>('published');
  const showWorking = Boolean(workingID) && showing === 'working';
  const working = useDocumentVersion(showWorking ? workingID : undefined);

  let content: { title: string; summary: string | null; body: string; tags: string[] | null } | null = doc;
  if (showWorking) content = working.version;

  return (
    <div>
      {workingID ? (
        <Segmented<Showing>
          value={showing}
          onChange={setShowing}
          style={{ marginBottom: 16 }}
          data-testid="knowledge-content-switch"
          options={[
            { value: 'published', label: t('knowledge.content.published', { number: doc.publishedVersion ?? 0 }) },
            {
              value: 'working',
              label: t('knowledge.content.working', {
                number: doc.currentVersion,
                state: doc.pendingStatus ? t(statusKey(doc.pendingStatus)) : '',
              }),
            },
          ]}
        />
      ) : null}
      {showWorking ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('knowledge.content.workingNotice')} />
      ) : null}
      {showWorking && working.error && !working.isFetching ? (
        <QueryError error={working.error} onRetry={() => void working.refetch()} />
      ) : !content ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <article data-testid="knowledge-content">
          {showWorking ? <Typography.Title level={4}>{content.title}</Typography.Title> : null}
          {content.summary ? (
            <Typography.Paragraph
              style={{ fontSize: 15, background: '#fafafa', borderInlineStart: '3px solid #1677ff', padding: '8px 12px' }}
              data-testid="knowledge-summary"
            >
              {content.summary}
            </Typography.Paragraph>
          ) : null}
          {content.tags?.length ? (
            <div style={{ marginBottom: 12 }}>
              {content.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </div>
          ) : null}
          {content.body.trim() ? (
            <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
              <MarkdownView source={content.body} />
            </Suspense>
          ) : (
            <Typography.Text type="secondary">{t('knowledge.content.emptyBody')}</Typography.Text>
          )}
        </article>
      )}
    </div>
  );
}
