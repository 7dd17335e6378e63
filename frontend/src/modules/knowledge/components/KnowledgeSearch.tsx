import { formatCount, useI18n } from '@/i18n';
import { useCan } from '@/modules/auth';
import { QueryError } from '@/modules/graphql';
import { PageHeader } from '@/ui/layout/PageHeader';
import { CloudServerOutlined, FolderOpenOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Divider, Empty, Flex, Input, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useKnowledgeSearch } from '../hooks/useKnowledgeSearch';
import { AUDIENCES, STATUSES, type KnowledgeDocumentAudience, type KnowledgeDocumentStatus } from '../types';
import { audienceKey, statusKey } from '../utils/labels';
import { FacetPanel } from './FacetPanel';
import { SearchHitItem } from './SearchHitItem';

/**
 * Knowledge search: free text (Chinese of any length, "quoted phrases"), filters by audience
 * and — for roles that see drafts — status, category facets, and "more" paging after the
 * last page's endCursor. The query and filters live in the URL.
 */
export function KnowledgeSearch() {
  const { t, locale } = useI18n();
  const canCreate = useCan('Mutation.createKnowledgeDocument');
  const search = useKnowledgeSearch();
  const { state, update, facets } = search;
  const filtered = Boolean(state.categoryID || state.audiences.length || state.statuses.length);
  const categoryName = facets.find((f) => f.category.id === state.categoryID)?.category.name;

  let results;
  if (search.error && !search.isFetching) {
    results =
      search.error.code === 'SEARCH_UNAVAILABLE' ? (
        <Alert
          type="warning"
          showIcon
          icon={<CloudServerOutlined />}
          role="alert"
          data-testid="search-unavailable"
          message={t('knowledge.search.unavailable')}
          description={t('knowledge.search.unavailableHint')}
          action={
            <Button icon={<ReloadOutlined />} onClick={search.refetch}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : (
        <QueryError error={search.error} onRetry={search.refetch} />
      );
  } else if (search.isLoading || search.error) {
    // First load, or a retry after an error (no data to show meanwhile).
    results = <Skeleton active paragraph={{ rows: 6 }} data-testid="knowledge-loading" />;
  } else if (!search.hits.length) {
    results = (
      <Empty
        data-testid="knowledge-empty"
        description={
          <>
            <div>
              {state.query
                ? t('knowledge.search.emptyQuery', { query: state.query })
                : t('knowledge.search.empty')}
            </div>
            <Typography.Text type="secondary">
              {filtered ? t('knowledge.search.emptyFilteredHint') : t('knowledge.search.emptyHint')}
            </Typography.Text>
          </>
        }
      >
        {filtered ? (
          <Button onClick={() => update({ categoryID: undefined, audiences: [], statuses: [] })}>
            {t('knowledge.search.clearFilters')}
          </Button>
        ) : null}
      </Empty>
    );
  } else {
    results = (
      <div style={{ opacity: search.isFetching ? 0.6 : 1, transition: 'opacity .2s' }}>
        {search.hits.map((hit, i) => (
          <div key={hit.document.id}>
            {i > 0 ? <Divider style={{ margin: '14px 0' }} /> : null}
            <SearchHitItem hit={hit} showStatus={search.draftsVisible} />
          </div>
        ))}
        <Flex justify="center" style={{ marginTop: 20 }}>
          {search.hasMore ? (
            <Button onClick={search.loadMore} loading={search.isLoadingMore} data-testid="knowledge-more">
              {t('knowledge.search.more')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('knowledge.search.end')}</Typography.Text>
          )}
        </Flex>
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        extra={
          canCreate ? (
            <Link to="/knowledge/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="knowledge-create">
                {t('knowledge.create.button')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          // Remount on URL change so back/forward shows the URL's query in the box.
          key={state.query}
          defaultValue={state.query}
          size="large"
          placeholder={t('knowledge.search.placeholder')}
          enterButton={t('common.search')}
          allowClear
          aria-label={t('knowledge.search.label')}
          data-testid="knowledge-search-input"
          onSearch={(value) => update({ query: value.trim() })}
        />
        <Flex gap={12} wrap align="center" style={{ marginTop: 12 }}>
          <Select<KnowledgeDocumentAudience[]>
            mode="multiple"
            allowClear
            aria-label={t('knowledge.filter.audience')}
            data-testid="knowledge-filter-audience"
            placeholder={t('knowledge.filter.audience')}
            value={state.audiences}
            onChange={(audiences) => update({ audiences })}
            style={{ minWidth: 200 }}
            options={AUDIENCES.map((a) => ({ value: a, label: t(audienceKey(a)) }))}
          />
          {search.draftsVisible ? (
            <Select<KnowledgeDocumentStatus[]>
              mode="multiple"
              allowClear
              aria-label={t('knowledge.filter.status')}
              data-testid="knowledge-filter-status"
              placeholder={t('knowledge.filter.status')}
              value={state.statuses}
              onChange={(statuses) => update({ statuses })}
              style={{ minWidth: 200 }}
              options={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
            />
          ) : null}
          {state.categoryID ? (
            <Tag
              closable
              icon={<FolderOpenOutlined />}
              color="blue"
              onClose={() => update({ categoryID: undefined })}
              data-testid="knowledge-filter-category"
              style={{ paddingBlock: 4 }}
            >
              {t('knowledge.filter.category', { name: categoryName ?? t('knowledge.filter.someCategory') })}
            </Tag>
          ) : null}
          {search.total !== undefined && !search.error ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }} data-testid="knowledge-stats">
              {t('knowledge.search.stats', {
                total: formatCount(search.total, locale),
                ms: formatCount(search.tookMs ?? 0, locale),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={7} lg={6}>
          <Card title={t('knowledge.facets.title')} size="small">
            {search.isLoading ? (
              <Skeleton active paragraph={{ rows: 4 }} title={false} />
            ) : (
              <FacetPanel
                facets={facets}
                selected={state.categoryID}
                onSelect={(categoryID) => update({ categoryID })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={17} lg={18}>
          <Card
            title={state.query ? t('knowledge.search.resultsFor', { query: state.query }) : t('knowledge.search.latest')}
            size="small"
            styles={{ body: { padding: 20 } }}
          >
            {results}
          </Card>
        </Col>
      </Row>
    </>
  );
}
