import type { CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PRODUCT_STATUS_LABELS } from '@linli/shared-types';
import { catalogKeys, fetchProduct, fetchProducts } from '../pages/catalog/service';
import { SearchSelect, useServerSearch, withChosen, type SearchOption } from './SearchSelect';

interface Props {
  value?: number | null;
  onChange?: (productId: number | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  status?: 'error' | 'warning';
  id?: string;
  'data-testid'?: string;
}

/**
 * Picks a product (any status) by name or barcode, searching the server as one types; a chosen id outside
 * the results (e.g. a saved commission override) is named by a lookup of its own. Needs catalog.read.
 */
export function ProductSearchSelect({
  value,
  onChange,
  placeholder = '搜索商品名称 / 条码',
  ...props
}: Props) {
  const search = useServerSearch(['catalog', 'product-options'], (keyword) =>
    fetchProducts({ keyword: keyword || undefined, page: 1, pageSize: 20 }),
  );
  const options: SearchOption[] = (search.found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.name,
    hint: [p.categoryName, PRODUCT_STATUS_LABELS[p.status]].filter(Boolean).join(' · '),
  }));
  const chosenId = value ?? undefined;
  const chosenMissing = chosenId !== undefined && !options.some((o) => o.value === chosenId);
  const chosen = useQuery({
    queryKey: catalogKeys.product(chosenId ?? 0),
    queryFn: () => fetchProduct(chosenId!),
    enabled: chosenMissing && !search.found.isPending,
    staleTime: 60_000,
  });

  return (
    <SearchSelect
      {...props}
      search={search}
      options={withChosen(options, chosenId, chosen.data?.name ?? `商品 #${chosenId}`)}
      value={chosenId}
      onChange={onChange}
      placeholder={placeholder}
      loadError="商品加载失败，请重试"
      noMatch="没有匹配的商品"
      optionTestId="product-option"
    />
  );
}
