import { Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { REFUND_STATUS_LABELS, type AfterSalesRefundView, type AfterSalesStatus } from '@linli/shared-types';
import { AFTERSALES_STATUS_COLORS, aftersalesStatusLabel } from '../../../labels/aftersales';

export function CaseStatusTag({ status }: { status: AfterSalesStatus }) {
  return (
    <Tag
      color={AFTERSALES_STATUS_COLORS[status] ?? 'default'}
      bordered={false}
      data-testid="aftersales-status"
      data-status={status}
    >
      {aftersalesStatusLabel(status)}
    </Tag>
  );
}

const REFUND_COLORS = { processing: 'processing', succeeded: 'purple', failed: 'error' } as const;

/** Where the money of an approved case is: on its way, back with the buyer, or refused by the provider. */
export function CaseRefundTag({ refund }: { refund: AfterSalesRefundView | null }) {
  if (!refund) return null;
  return (
    <Tag
      color={REFUND_COLORS[refund.status] ?? 'default'}
      bordered={false}
      icon={refund.status === 'processing' ? <SyncOutlined spin /> : undefined}
      data-testid="aftersales-refund-status"
    >
      {REFUND_STATUS_LABELS[refund.status] ?? refund.status}
    </Tag>
  );
}
