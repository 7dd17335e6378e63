import { formatDateTime, useI18n } from '@/i18n';
import { useCan } from '@/modules/auth';
import { QueryError } from '@/modules/graphql';
import { DiffOutlined, EyeOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Flex, Popconfirm, Select, Skeleton, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useDocumentVersion, useKnowledgeDiff } from '../hooks/useKnowledgeDocument';
import type { KnowledgeDocument, KnowledgeVersionRow } from '../types';
import { DiffView } from './DiffView';

const MarkdownView = lazy(() => import('./MarkdownView'));

export interface VersionHistoryProps {
  doc: KnowledgeDocument;
  /** The viewer holds the edit lock (restoring saves a new version). */
  holdsLock: boolean;
  restoring: boolean;
  onRestore: (version: KnowledgeVersionRow) => void;
}

/** Default comparison: the published version (or the one before) against the latest. */
function defaultPair(doc: KnowledgeDocument, numbers: number[]): [number | undefined, number | undefined] {
  const to = doc.currentVersion;
  if (numbers.length < 2) return [undefined, undefined];
  const from =
    doc.publishedVersion && doc.publishedVersion !== to
      ? doc.publishedVersion
      : numbers.filter((n) => n < to).sort((a, b) => b - a)[0];
  return [from, to];
}

/** The versions of a document (newest first), a version's content, a diff of any two, restore. */
export function VersionHistory({ doc, holdsLock, restoring, onRestore }: VersionHistoryProps) {
  const { t, locale } = useI18n();
  const canDiff = useCan('Query.knowledgeDocumentDiff');
  const canRestore = useCan('Mutation.restoreKnowledgeDocumentVersion');
  const versions = useMemo(
    () => (doc.versions.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [doc.versions.edges],
  );
  const numbers = useMemo(() => versions.map((v) => v.number), [versions]);
  const [pair, setPair] = useState<[number | undefined, number | undefined]>(() => defaultPair(doc, numbers));
  const [from, to] = pair;
  const [viewing, setViewing] = useState<KnowledgeVersionRow>();
  const diff = useKnowledgeDiff(doc.id, from, to, canDiff);

  const columns = useMemo<TableColumnsType<KnowledgeVersionRow>>(
    () => [
      {
        key: 'number',
        title: t('knowledge.versions.number'),
        width: 130,
        render: (_, v) => (
          <Space size={4} wrap>
            <Typography.Text strong>v{v.number}</Typography.Text>
            {v.number === doc.publishedVersion ? <Tag color="success">{t('knowledge.versions.published')}</Tag> : null}
            {v.number === doc.currentVersion && v.number !== doc.publishedVersion ? (
              <Tag color="processing">{t('knowledge.versions.latest')}</Tag>
            ) : null}
          </Space>
        ),
      },
      {
        key: 'title',
        title: t('knowledge.field.title'),
        dataIndex: 'title',
        width: 200,
        ellipsis: { showTitle: true },
      },
      {
        key: 'changeNote',
        title: t('knowledge.versions.changeNote'),
        render: (_, v) => v.changeNote || <Typography.Text type="secondary">—</Typography.Text>,
      },
      {
        key: 'author',
        title: t('knowledge.versions.author'),
        width: 100,
        render: (_, v) => v.author?.displayName || v.author?.username || '—',
      },
      {
        key: 'createdAt',
        title: t('knowledge.versions.createdAt'),
        width: 150,
        render: (_, v) => <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, locale)}</time>,
      },
      {
        key: 'actions',
        title: t('knowledge.versions.actions'),
        width: 250,
        fixed: 'right',
        render: (_, v) => (
          <Space size={0} wrap>
            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setViewing(v)}>
              {t('knowledge.versions.view')}
            </Button>
            {canDiff && numbers.includes(v.number - 1) ? (
              <Button
                type="link"
                size="small"
                icon={<DiffOutlined />}
                onClick={() => setPair([v.number - 1, v.number])}
                data-testid={`version-diff-${v.number}`}
              >
                {t('knowledge.versions.diffPrevious')}
              </Button>
            ) : null}
            {canRestore && v.number !== doc.currentVersion && doc.status !== 'ARCHIVED' ? (
              holdsLock ? (
                <Popconfirm
                  title={t('knowledge.versions.restoreConfirm', { number: v.number, next: doc.currentVersion + 1 })}
                  okText={t('knowledge.versions.restore')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onRestore(v)}
                >
                  <Button type="link" size="small" icon={<RollbackOutlined />} loading={restoring}>
                    {t('knowledge.versions.restore')}
                  </Button>
                </Popconfirm>
              ) : (
                <Tooltip title={t('knowledge.versions.restoreNeedsLock')}>
                  <Button type="link" size="small" icon={<RollbackOutlined />} disabled>
                    {t('knowledge.versions.restore')}
                  </Button>
                </Tooltip>
              )
            ) : null}
          </Space>
        ),
      },
    ],
    [t, locale, doc.publishedVersion, doc.currentVersion, doc.status, canDiff, canRestore, holdsLock, numbers, onRestore, restoring],
  );

  const versionOptions = versions.map((v) => ({ value: v.number, label: `v${v.number} · ${v.title}` }));

  return (
    <Flex vertical gap={20}>
      <Table<KnowledgeVersionRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={versions}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="knowledge-versions"
      />
      {doc.versions.totalCount > versions.length ? (
        <Typography.Text type="secondary">
          {t('knowledge.versions.more', { shown: versions.length, total: doc.versions.totalCount })}
        </Typography.Text>
      ) : null}
      {canDiff ? (
        <section>
          <Typography.Title level={5}>{t('knowledge.diff.title')}</Typography.Title>
          {versions.length < 2 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.diff.single')} />
          ) : (
            <>
              <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
                <Select<number>
                  aria-label={t('knowledge.diff.from')}
                  value={from}
                  onChange={(value) => setPair([value, to])}
                  options={versionOptions}
                  style={{ minWidth: 220, maxWidth: 320 }}
                  data-testid="diff-from"
                />
                <Button
                  icon={<SwapOutlined />}
                  aria-label={t('knowledge.diff.swap')}
                  title={t('knowledge.diff.swap')}
                  onClick={() => setPair([to, from])}
                />
                <Select<number>
                  aria-label={t('knowledge.diff.to')}
                  value={to}
                  onChange={(value) => setPair([from, value])}
                  options={versionOptions}
                  style={{ minWidth: 220, maxWidth: 320 }}
                  data-testid="diff-to"
                />
              </Flex>
              {from === to ? (
                <Alert type="info" showIcon message={t('knowledge.diff.same')} />
              ) : diff.error && !diff.isFetching ? (
                <QueryError error={diff.error} onRetry={() => void diff.refetch()} />
              ) : !diff.data ? (
                <Skeleton active />
              ) : (
                <DiffView diff={diff.data.knowledgeDocumentDiff} />
              )}
            </>
          )}
        </section>
      ) : null}
      <VersionDrawer version={viewing} onClose={() => setViewing(undefined)} />
    </Flex>
  );
}

/** One version's full content, rendered. */
function VersionDrawer({ version, onClose }: { version?: KnowledgeVersionRow; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { version: content, error, isFetching, refetch } = useDocumentVersion(version?.id);
  return (
    <Drawer
      open={Boolean(version)}
      onClose={onClose}
      width={760}
      title={version ? t('knowledge.versions.drawerTitle', { number: version.number }) : ''}
    >
      {error && !isFetching ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !content ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Typography.Title level={4}>{content.title}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {[
              content.author?.displayName || content.author?.username,
              formatDateTime(content.createdAt, locale),
              content.changeNote,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Paragraph>
          {content.summary ? <Typography.Paragraph>{content.summary}</Typography.Paragraph> : null}
          {content.tags?.length ? (
            <div style={{ marginBottom: 16 }}>
              {content.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </div>
          ) : null}
          <Suspense fallback={<Skeleton active />}>
            <MarkdownView source={content.body} />
          </Suspense>
        </>
      )}
    </Drawer>
  );
}
