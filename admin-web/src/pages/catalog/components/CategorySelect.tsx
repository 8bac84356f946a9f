import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { categoryOptions } from '../category-tree';
import { catalogKeys, fetchCategories } from '../service';

interface Props {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** Picks a category of either level, labelled with its parent (水果 / 热带水果). */
export function CategorySelect({
  value,
  onChange,
  placeholder = '商品分类',
  allowClear = true,
  style,
  ...rest
}: Props) {
  const categories = useQuery({
    queryKey: catalogKeys.categories,
    queryFn: fetchCategories,
    staleTime: 60_000,
  });
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      optionFilterProp="label"
      loading={categories.isPending}
      options={categoryOptions(categories.data ?? [])}
      style={style}
      data-testid={rest['data-testid']}
    />
  );
}
