import { InputNumber } from 'antd';
import type { CommissionOverride } from '@linli/shared-types';
import { ProductSearchSelect } from '../../../../components/ProductSearchSelect';
import { usePermission } from '../../../../session/hooks';
import { CategorySelect } from '../../../catalog/components/CategorySelect';

interface Props {
  kind: CommissionOverride['targetKind'];
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
}

/**
 * The product or category an override applies to. The catalog pickers need catalog.read, which finance
 * staff do not have: they type the id instead (the server checks it exists).
 */
export function TargetSelect({ kind, value, onChange, id }: Props) {
  const canPick = usePermission('catalog.read');
  const change = (next: number | null | undefined) => onChange?.(next ?? null);
  if (!canPick)
    return (
      <InputNumber
        id={id}
        min={1}
        precision={0}
        value={value}
        onChange={change}
        placeholder={kind === 'product' ? '商品 ID' : '分类 ID'}
        style={{ width: '100%' }}
        data-testid="override-target"
      />
    );
  return kind === 'product' ? (
    <ProductSearchSelect
      id={id}
      value={value}
      onChange={change}
      style={{ width: '100%' }}
      data-testid="override-target"
    />
  ) : (
    <CategorySelect
      value={value}
      onChange={change}
      placeholder="选择分类"
      style={{ width: '100%' }}
      data-testid="override-target"
    />
  );
}
