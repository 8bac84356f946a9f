import { Image, Text, View } from '@tarojs/components';
import { formatFen, type CampaignItemView } from '@linli/shared-types';
import { QuantityStepper } from '@/components/quantity-stepper';
import { assetUrl } from '@/services/uploads';
import { initialOf, limitLabel } from '@/utils/display';

/** The item's quantity in the cart and how to change it; only while the campaign can be ordered here. */
export interface CartControl {
  quantity: number;
  /** 限购 / what is left. */
  max: number;
  onChange: (quantity: number) => void;
}

/**
 * One item of the campaign page: photo, name and spec, 限购 / 已团 / 剩余, group and struck original price,
 * and − n + for the cart when the campaign is open at the buyer's leader.
 */
export function CampaignItemRow({
  item,
  muted,
  cartControl,
  onOpen,
}: {
  item: CampaignItemView;
  /** The campaign is over or not offered here: prices are for information only. */
  muted: boolean;
  cartControl: CartControl | null;
  onOpen: () => void;
}) {
  const soldOut = item.remaining <= 0;
  const limit = limitLabel(item.perMemberLimit);
  return (
    <View
      className={`cp-item ${soldOut || muted ? 'cp-item--muted' : ''}`}
      id={`campaign-item-${item.id}`}
      onClick={onOpen}
    >
      <View className="cp-item__thumb-wrap">
        {item.imageUrl ? (
          <Image className="cp-item__thumb" src={assetUrl(item.imageUrl)} mode="aspectFill" lazyLoad />
        ) : (
          <View className="cp-item__thumb cp-item__thumb--placeholder">
            <Text>{initialOf(item.productName)}</Text>
          </View>
        )}
        {soldOut ? <Text className="cp-item__sold-out">已抢光</Text> : null}
      </View>
      <View className="cp-item__body">
        <Text className="cp-item__name">{item.productName}</Text>
        <Text className="cp-item__sku">{item.skuName}</Text>
        <View className="cp-item__meta">
          {limit ? <Text className="cp-item__tag">{limit}</Text> : null}
          <Text className="cp-item__stat">
            已团 {item.soldQuantity} 件{soldOut ? '' : ` · 剩余 ${item.remaining} 件`}
          </Text>
        </View>
        <View className="cp-item__price-row">
          <Text className="cp-item__price">{formatFen(item.groupPrice)}</Text>
          {item.originalPrice > item.groupPrice ? (
            <Text className="cp-item__original">{formatFen(item.originalPrice)}</Text>
          ) : null}
          {cartControl && (!soldOut || cartControl.quantity > 0) ? (
            <View className="cp-item__stepper">
              <QuantityStepper
                id={`campaign-item-${item.id}-qty`}
                value={cartControl.quantity}
                max={cartControl.max}
                onChange={cartControl.onChange}
                compact
              />
            </View>
          ) : (
            <View className="cp-item__chevron" />
          )}
        </View>
      </View>
    </View>
  );
}
