import { Image, Text, View } from '@tarojs/components';
import { formatFen, type CampaignItemView } from '@linli/shared-types';
import { assetUrl } from '@/services/uploads';
import { initialOf, limitLabel } from '@/utils/display';

/** One item of the campaign page: photo, name and spec, 限购 / 已团 / 剩余, group and struck original price. */
export function CampaignItemRow({
  item,
  muted,
  onOpen,
}: {
  item: CampaignItemView;
  /** The campaign is over or not offered here: prices are for information only. */
  muted: boolean;
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
          <View className="cp-item__chevron" />
        </View>
      </View>
    </View>
  );
}
