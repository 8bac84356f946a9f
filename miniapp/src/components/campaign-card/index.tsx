import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen, type CampaignItemView, type CampaignView } from '@linli/shared-types';
import { FlashSaleTag } from '@/components/flash-sale-tag';
import { coverTint, initialOf, limitLabel, savingLabel } from '@/utils/display';
import { campaignPageUrl } from '@/services/campaigns';
import { assetUrl } from '@/services/uploads';
import { formatCutoff, formatPickupDate } from '@/utils/shanghai-time';
import './index.scss';

interface CampaignCardProps {
  campaign: CampaignView;
  now: Date;
}

/** The card shows a taste of the campaign; the campaign page lists everything. */
const ITEMS_ON_CARD = 3;

function CampaignItemRow({ item }: { item: CampaignItemView }) {
  const limit = limitLabel(item.perMemberLimit);
  const saving = savingLabel(item);
  return (
    <View className="campaign-item">
      {item.imageUrl ? (
        <Image className="campaign-item__thumb" src={assetUrl(item.imageUrl)} mode="aspectFill" lazyLoad />
      ) : (
        <View className="campaign-item__thumb campaign-item__thumb--placeholder">
          <Text>{initialOf(item.productName)}</Text>
        </View>
      )}
      <View className="campaign-item__body">
        <Text className="campaign-item__name">{item.productName}</Text>
        <Text className="campaign-item__sku">{item.skuName}</Text>
        <View className="campaign-item__tags">
          {saving ? <Text className="tag tag--orange">{saving}</Text> : null}
          {item.remaining <= 0 ? <Text className="tag tag--muted">已抢光</Text> : null}
          {limit ? <Text className="tag tag--grey campaign-item__limit">{limit}</Text> : null}
        </View>
      </View>
      <View className="campaign-item__prices">
        <Text className="campaign-item__price">{formatFen(item.groupPrice)}</Text>
        {item.originalPrice > item.groupPrice ? (
          <Text className="campaign-item__original">{formatFen(item.originalPrice)}</Text>
        ) : null}
      </View>
    </View>
  );
}

/** One live group-buy: cover, deadline and pickup chips, then its items with group prices. */
export function CampaignCard({ campaign, now }: CampaignCardProps) {
  const cutoff = formatCutoff(campaign.cutoffAt, now);
  const closed = new Date(campaign.cutoffAt).getTime() <= now.getTime();
  const shown = campaign.items.slice(0, ITEMS_ON_CARD);
  const open = () => void Taro.navigateTo({ url: campaignPageUrl(campaign.id) });
  return (
    <View className="campaign-card" id={`campaign-${campaign.id}`} onClick={open}>
      {campaign.coverUrl ? (
        <Image
          className="campaign-card__cover"
          src={assetUrl(campaign.coverUrl)}
          mode="aspectFill"
          lazyLoad
        />
      ) : (
        <View className={`campaign-card__cover campaign-card__cover--placeholder ${coverTint(campaign.id)}`}>
          <Text className="campaign-card__cover-kicker">邻里团购 · 团长推荐</Text>
          <Text className="campaign-card__cover-title campaign-title">{campaign.title}</Text>
        </View>
      )}
      <View className="campaign-card__body">
        {/* The placeholder cover already carries the title in large type. */}
        {campaign.coverUrl ? (
          <Text className="campaign-card__title campaign-title">{campaign.title}</Text>
        ) : null}
        {campaign.description ? <Text className="campaign-card__desc">{campaign.description}</Text> : null}
        <View className="campaign-card__chips">
          {campaign.flashSale ? <FlashSaleTag id={`campaign-${campaign.id}-flash-sale`} /> : null}
          <Text className={`chip chip--orange campaign-card__cutoff ${closed ? 'chip--muted' : ''}`}>
            {cutoff}
          </Text>
          <Text className="chip chip--green campaign-card__pickup">
            {formatPickupDate(campaign.pickupDate, now)}
          </Text>
          {campaign.soldQuantity > 0 ? (
            <Text className="chip chip--muted campaign-card__sold">已团 {campaign.soldQuantity} 件</Text>
          ) : null}
        </View>
        <View className="campaign-card__items">
          {shown.map((item) => (
            <CampaignItemRow key={item.id} item={item} />
          ))}
        </View>
      </View>
      <View className="campaign-card__more" id={`campaign-${campaign.id}-open`}>
        <Text>
          {campaign.items.length > shown.length ? `查看全部 ${campaign.items.length} 件商品` : '进入团购'}
        </Text>
        <View className="campaign-card__chevron" />
      </View>
    </View>
  );
}
