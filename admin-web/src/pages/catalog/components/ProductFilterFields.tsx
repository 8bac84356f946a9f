import { Input } from 'antd';
import { CategorySelect } from './CategorySelect';
import { SupplierSelect } from './SupplierSelect';

export interface ProductFilterValue {
  keyword?: string;
  categoryId?: number;
  supplierId?: number;
}

/**
 * The keyword / category / supplier filters of the product list and the inventory overview. Renders a
 * fragment: put it in a `Flex` with a gap (an antd `Space` would treat it as one item, without gaps).
 */
export function ProductFilterFields({
  value,
  onChange,
  searchTestId,
}: {
  value: ProductFilterValue;
  onChange: (patch: ProductFilterValue) => void;
  searchTestId: string;
}) {
  return (
    <>
      <Input.Search
        key={value.keyword ?? ''}
        defaultValue={value.keyword}
        placeholder="商品名称或条码"
        allowClear
        enterButton
        style={{ width: 260 }}
        onSearch={(v) => onChange({ keyword: v.trim() || undefined })}
        data-testid={searchTestId}
      />
      <CategorySelect
        value={value.categoryId}
        style={{ width: 180 }}
        onChange={(categoryId) => onChange({ categoryId })}
      />
      <SupplierSelect
        value={value.supplierId}
        style={{ width: 180 }}
        onChange={(supplierId) => onChange({ supplierId })}
      />
    </>
  );
}
