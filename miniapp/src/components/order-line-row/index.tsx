import { type ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { formatFen, type Fen } from '@linli/shared-types';
import { assetUrl } from '@/services/uploads';
import { initialOf } from '@/utils/display';
import './index.scss';

export function ProductThumb({
  imageUrl,
  name,
  size = 'md',
}: {
  imageUrl: string | null;
  name: string;
  size?: 'sm' | 'md';
}) {
  return imageUrl ? (
    <Image
      className={`product-thumb product-thumb--${size}`}
      src={assetUrl(imageUrl)}
      mode="aspectFill"
      lazyLoad
    />
  ) : (
    <View className={`product-thumb product-thumb--${size} product-thumb--placeholder`}>
      <Text>{initialOf(name)}</Text>
    </View>
  );
}

interface OrderLineRowProps {
  id?: string;
  imageUrl: string | null;
  productName: string;
  specText: string;
  quantity: number;
  /** Shown as "¥12.30 × 2" under the name. */
  unitPrice?: Fen;
  /** Shown on the right. */
  lineTotal?: Fen;
  muted?: boolean;
  /** Below the name: a problem, a stepper, … */
  children?: ReactNode;
}

/** One order or cart line: photo, name, spec, unit price × quantity, and the line total on the right. */
export function OrderLineRow({
  id,
  imageUrl,
  productName,
  specText,
  quantity,
  unitPrice,
  lineTotal,
  muted,
  children,
}: OrderLineRowProps) {
  return (
    <View className={`order-line${muted ? ' order-line--muted' : ''}`} id={id}>
      <ProductThumb imageUrl={imageUrl} name={productName} />
      <View className="order-line__body">
        <View className="order-line__top">
          <Text className="order-line__name">{productName}</Text>
          {lineTotal !== undefined ? <Text className="order-line__total">{formatFen(lineTotal)}</Text> : null}
        </View>
        <Text className="order-line__spec">{specText}</Text>
        <Text className="order-line__price">
          {unitPrice !== undefined ? `${formatFen(unitPrice)} × ${quantity}` : `× ${quantity}`}
        </Text>
        {children}
      </View>
    </View>
  );
}
