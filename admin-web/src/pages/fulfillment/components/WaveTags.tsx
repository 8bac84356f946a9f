import { Tag } from 'antd';
import { PURCHASE_LIST_STATUS_LABELS, type PurchaseListStatus } from '@linli/shared-types';

const PURCHASE_COLORS: Record<PurchaseListStatus, string> = {
  draft: 'gold',
  ordered: 'blue',
  received: 'green',
};

export function PurchaseStatusTag({ status }: { status: PurchaseListStatus }) {
  return (
    <Tag color={PURCHASE_COLORS[status]} bordered={false} data-testid="purchase-status">
      {PURCHASE_LIST_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}
