import { formatCount, useI18n } from '@/i18n';
import { Button, Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import type { KnowledgeFacet } from '../types';
import { taxonomyKey } from '../utils/labels';

export interface FacetPanelProps {
  facets: readonly KnowledgeFacet[];
  selected?: string;
  onSelect: (categoryID: string | undefined) => void;
}

/** Matching documents per category, grouped by taxonomy; a click filters by the category. */
export function FacetPanel({ facets, selected, onSelect }: FacetPanelProps) {
  const { t, locale } = useI18n();
  const groups = useMemo(() => {
    const byTaxonomy = new Map<string, KnowledgeFacet[]>();
    for (const facet of facets) {
      const list = byTaxonomy.get(facet.category.taxonomy) ?? [];
      list.push(facet);
      byTaxonomy.set(facet.category.taxonomy, list);
    }
    return [...byTaxonomy];
  }, [facets]);

  if (!facets.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.facets.empty')} />;
  }
  return (
    <Flex vertical gap={12} data-testid="knowledge-facets">
      {selected ? (
        <Button size="small" onClick={() => onSelect(undefined)}>
          {t('knowledge.facets.clear')}
        </Button>
      ) : null}
      {groups.map(([taxonomy, list]) => {
        const key = taxonomyKey(taxonomy);
        return (
          <div key={taxonomy}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {key ? t(key) : taxonomy}
            </Typography.Text>
            <Flex vertical style={{ marginTop: 4 }}>
              {list.map((facet) => {
                const active = facet.category.id === selected;
                return (
                  <Button
                    key={facet.category.id}
                    type={active ? 'primary' : 'text'}
                    ghost={active}
                    size="small"
                    aria-pressed={active}
                    onClick={() => onSelect(active ? undefined : facet.category.id)}
                    data-testid="knowledge-facet"
                    style={{ justifyContent: 'space-between', display: 'flex', width: '100%' }}
                  >
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{facet.category.name}</span>
                    <Typography.Text
                      type={active ? undefined : 'secondary'}
                      style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums', color: active ? 'inherit' : undefined }}
                      data-testid="knowledge-facet-count"
                    >
                      {formatCount(facet.count, locale)}
                    </Typography.Text>
                  </Button>
                );
              })}
            </Flex>
          </div>
        );
      })}
    </Flex>
  );
}
