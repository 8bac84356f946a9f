import { Image, Text, View } from '@tarojs/components';
import { formatFen, type CampaignItemView, type CampaignView } from '@linli/shared-types';
import { coverTint, initialOf, limitLabel, savingLabel } from '@/utils/display';
import { formatCutoff, formatPickupDate } from '@/utils/shanghai-time';
import './index.scss';

interface CampaignCardProps {
  campaign: CampaignView;
  now: Date;
}

function CampaignItemRow({ item }: { item: CampaignItemView }) {
  const limit = limitLabel(item.perMemberLimit);
  const saving = savingLabel(item);
  return (
    <View className="campaign-item">
      {item.imageUrl ? (
        <Image className="campaign-item__thumb" src={item.imageUrl} mode="aspectFill" lazyLoad />
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
  return (
    <View className="campaign-card" id={`campaign-${campaign.id}`}>
      {campaign.coverUrl ? (
        <Image className="campaign-card__cover" src={campaign.coverUrl} mode="aspectFill" lazyLoad />
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
          <Text className={`chip chip--orange campaign-card__cutoff ${closed ? 'chip--muted' : ''}`}>
            {cutoff}
          </Text>
          <Text className="chip chip--green campaign-card__pickup">
            {formatPickupDate(campaign.pickupDate, now)}
          </Text>
        </View>
        <View className="campaign-card__items">
          {campaign.items.map((item) => (
            <CampaignItemRow key={item.id} item={item} />
          ))}
        </View>
      </View>
    </View>
  );
}
