import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { catalogKeys, fetchSupplierOptions } from '../service';

interface Props {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  /** For a product form: disabled suppliers cannot be chosen (but stay shown when already set). */
  activeOnly?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

export function SupplierSelect({
  value,
  onChange,
  placeholder = '供应商',
  activeOnly,
  style,
  ...rest
}: Props) {
  const suppliers = useQuery({
    queryKey: catalogKeys.supplierOptions,
    queryFn: fetchSupplierOptions,
    staleTime: 60_000,
  });
  const options = (suppliers.data ?? []).map((s) => ({
    value: s.id,
    label: s.status === 'disabled' ? `${s.name}（已停用）` : s.name,
    disabled: activeOnly && s.status === 'disabled',
  }));
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder}
      allowClear
      showSearch
      optionFilterProp="label"
      loading={suppliers.isPending}
      options={options}
      style={style}
      data-testid={rest['data-testid']}
    />
  );
}
