import { useCan } from '@/modules/auth';
import { useGraphQLQuery } from '@/modules/graphql';
import { useMemo } from 'react';
import { KnowledgeCategoriesQuery, KnowledgeProductOptionsQuery } from '../graphql/search';
import type { KnowledgeCategoryOption } from '../types';

const NO_VARIABLES = {};
const FIVE_MINUTES = 5 * 60_000;

/** Category trees and products for the editor's pickers (each only with its operation). */
export function useKnowledgeOptions() {
  const canCategories = useCan('Query.knowledgeCategories');
  const canProducts = useCan('Query.products');
  const categories = useGraphQLQuery(KnowledgeCategoriesQuery, NO_VARIABLES, {
    enabled: canCategories,
    staleTime: FIVE_MINUTES,
  });
  const products = useGraphQLQuery(KnowledgeProductOptionsQuery, NO_VARIABLES, {
    enabled: canProducts,
    staleTime: FIVE_MINUTES,
  });
  const categoryList = useMemo<KnowledgeCategoryOption[]>(
    () => (categories.data?.knowledgeCategories.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [categories.data],
  );
  const productList = useMemo(
    () => (products.data?.products.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [products.data],
  );
  return {
    canCategories,
    canProducts,
    categories: categoryList,
    categoriesLoading: categories.isLoading,
    products: productList,
    productsLoading: products.isLoading,
  };
}
