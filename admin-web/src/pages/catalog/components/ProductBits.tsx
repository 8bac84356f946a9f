import { Avatar, Tag } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import { PRODUCT_STATUS_LABELS, type ProductStatus } from '@linli/shared-types';

const STATUS_COLORS: Record<ProductStatus, string> = {
  draft: 'default',
  on_sale: 'success',
  off_sale: 'warning',
};

export function ProductStatusTag({ status }: { status: ProductStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} bordered={false} data-testid="product-status">
      {PRODUCT_STATUS_LABELS[status]}
    </Tag>
  );
}

/** A product's cover thumbnail, or a placeholder when it has no image yet. */
export function Cover({ url, size = 44 }: { url: string | null; size?: number }) {
  return (
    <Avatar
      shape="square"
      size={size}
      src={url ?? undefined}
      icon={url ? undefined : <PictureOutlined />}
      style={{
        flex: 'none',
        background: url ? '#fff' : '#f1f5f9',
        color: '#94a3b8',
        border: '1px solid #eef2f6',
      }}
    />
  );
}
