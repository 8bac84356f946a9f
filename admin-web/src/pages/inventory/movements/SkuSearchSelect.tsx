import { useState } from 'react';
import { Select, Spin } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '../../../components/useDebounced';
import { catalogKeys, searchSkus } from '../../catalog/service';

interface Props {
  value?: number;
  /** Label of the chosen SKU when it is not among the results (e.g. opened from a row's 流水). */
  selectedLabel: string | null;
  onChange: (skuId: number | undefined) => void;
}

/** Picks one SKU by product name or barcode, searching the server as one types. */
export function SkuSearchSelect({ value, selectedLabel, onChange }: Props) {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebounced(keyword.trim());
  const skus = useQuery({
    queryKey: [...catalogKeys.skus(debounced, 1), 20],
    queryFn: () => searchSkus(debounced, 1, 20),
    placeholderData: keepPreviousData,
  });
  const options = (skus.data?.items ?? []).map((s) => ({
    value: s.skuId,
    label: `${s.productName}（${s.specText}）`,
  }));
  if (value !== undefined && !options.some((o) => o.value === value))
    options.unshift({ value, label: selectedLabel ?? `规格 #${value}` });
  return (
    <Select<number>
      value={value}
      showSearch
      allowClear
      filterOption={false}
      searchValue={keyword}
      onSearch={setKeyword}
      onChange={(v) => {
        setKeyword('');
        onChange(v ?? undefined);
      }}
      options={options}
      placeholder="商品规格（名称或条码）"
      notFoundContent={skus.isFetching ? <Spin size="small" /> : '没有匹配的规格'}
      style={{ width: 300 }}
      data-testid="movement-filter-sku"
    />
  );
}
