import { formatDateTime, useI18n } from '@/i18n';
import { ClockCircleOutlined, FolderOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { KnowledgeHit } from '../types';
import { highlightFieldKey } from '../utils/labels';
import { HighlightedSnippet } from './HighlightedSnippet';
import { AudienceTag, PendingStatusTag, StatusTag } from './KnowledgeTags';

export interface SearchHitItemProps {
  hit: KnowledgeHit;
  /** Whether to show the workflow status (roles that see drafts); published is implied otherwise. */
  showStatus: boolean;
}

/** One search result: highlighted title and snippets, tags, score and last update. */
export function SearchHitItem({ hit, showStatus }: SearchHitItemProps) {
  const { t, locale } = useI18n();
  const { document: doc } = hit;
  const title = hit.highlights.find((h) => h.field === 'title');
  const snippets = hit.highlights.filter((h) => h.field !== 'title');

  return (
    <article data-testid="knowledge-hit" className="c360-hit">
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          <Link to={`/knowledge/${encodeURIComponent(doc.id)}`} data-testid="knowledge-hit-title">
            {title ? <HighlightedSnippet snippet={title.snippet} /> : doc.title}
          </Link>
        </Typography.Title>
        {showStatus ? <StatusTag status={doc.status} /> : null}
        {showStatus && doc.pendingStatus ? <PendingStatusTag status={doc.pendingStatus} /> : null}
        <AudienceTag audience={doc.audience} />
      </Flex>
      {snippets.length ? (
        <Flex vertical gap={4} style={{ marginTop: 6 }}>
          {snippets.map((h) => {
            const key = highlightFieldKey(h.field);
            return (
              <Typography.Paragraph key={h.field} style={{ margin: 0 }} data-testid="knowledge-snippet">
                {key ? (
                  <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
                    {t(key)} ·
                  </Typography.Text>
                ) : null}
                <HighlightedSnippet snippet={h.snippet} markdown={h.field === 'body'} />
              </Typography.Paragraph>
            );
          })}
        </Flex>
      ) : doc.summary ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0' }}>
          {doc.summary}
        </Typography.Paragraph>
      ) : null}
      <Space size={16} wrap style={{ marginTop: 8, fontSize: 12 }}>
        {doc.categories?.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <FolderOutlined /> {doc.categories.map((c) => c.name).join(' / ')}
          </Typography.Text>
        ) : null}
        {doc.tags?.length ? (
          <span>
            {doc.tags.slice(0, 5).map((tag) => (
              <Tag key={tag} bordered={false} style={{ fontSize: 12 }}>
                {tag}
              </Tag>
            ))}
          </span>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="knowledge-hit-score">
          <ThunderboltOutlined /> {t('knowledge.search.score', { score: hit.score.toFixed(2) })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <ClockCircleOutlined />{' '}
          {t('knowledge.search.updatedAt', { time: formatDateTime(doc.updatedAt, locale) })}
        </Typography.Text>
      </Space>
    </article>
  );
}
