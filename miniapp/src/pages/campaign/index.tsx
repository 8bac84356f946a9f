import { useCallback, useMemo } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import {
  CAMPAIGN_STATUS_LABELS,
  ErrorCode,
  formatFen,
  type CampaignItemView,
  type CampaignPageView,
} from '@linli/shared-types';
import { BuyerPageState } from '@/components/buyer-page-state';
import { CART_PAGE_URL, CartButton } from '@/components/cart-button';
import { useCartLines } from '@/components/cart-button/use-cart-lines';
import { FlashSaleTag } from '@/components/flash-sale-tag';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import { useNow } from '@/hooks/use-now';
import { cart, quantityOf, totalQuantity, type CartLine } from '@/services/cart';
import { fetchCampaignPage, productPageUrl } from '@/services/campaigns';
import { ApiError } from '@/services/request';
import { assetUrl } from '@/services/uploads';
import { availabilityNotice, campaignAvailability } from '@/utils/campaign-state';
import { coverTint } from '@/utils/display';
import { campaignIdFromQuery, campaignSharePath, entryFromQuery } from '@/utils/member-entry';
import { formatCountdown, formatDeadline, formatPickupDate } from '@/utils/shanghai-time';
import { maxQuantity } from '@/utils/spec-selection';
import { CampaignItemRow, type CartControl } from './campaign-item-row';
import './index.scss';

const PICKUP_URL = '/pages/pickup/index';

function Cover({ campaign }: { campaign: CampaignPageView }) {
  const badge =
    campaign.status === 'live' ? null : (
      <Text className="cp-cover__badge" id="campaign-status">
        {CAMPAIGN_STATUS_LABELS[campaign.status]}
      </Text>
    );
  if (campaign.coverUrl) {
    return (
      <View className="cp-cover">
        <Image className="cp-cover__image" src={assetUrl(campaign.coverUrl)} mode="aspectFill" />
        {badge}
      </View>
    );
  }
  return (
    <View className={`cp-cover cp-cover--placeholder ${coverTint(campaign.id)}`}>
      <Text className="cp-cover__kicker">邻里团购 · 团长推荐</Text>
      <Text className="cp-cover__title">{campaign.title}</Text>
      {badge}
    </View>
  );
}

/** 截单 countdown while open; the deadline and pickup day are always written out. */
function Deadline({ campaign, now }: { campaign: CampaignPageView; now: Date }) {
  const countdown = campaign.status === 'live' ? formatCountdown(campaign.cutoffAt, now) : null;
  return (
    <View className="cp-deadline">
      <View className={`cp-deadline__timer ${countdown ? '' : 'cp-deadline__timer--over'}`}>
        <Text className="cp-deadline__label">
          {countdown ? '距截单' : campaign.status === 'ended' ? '团购' : ''}
        </Text>
        <Text className="cp-deadline__value" id="campaign-countdown">
          {countdown ?? (campaign.status === 'ended' ? '已结束' : '已截单')}
        </Text>
      </View>
      <View className="cp-deadline__facts">
        <Text className="cp-deadline__fact" id="campaign-cutoff">
          截单 {formatDeadline(campaign.cutoffAt, now)}
        </Text>
        <Text className="cp-deadline__fact" id="campaign-pickup-date">
          {formatPickupDate(campaign.pickupDate, now)}
        </Text>
      </View>
    </View>
  );
}

function PickupPoint({ campaign }: { campaign: CampaignPageView }) {
  const leader = campaign.leader;
  const point = leader?.pickupPoint ?? null;
  return (
    <View className="cp-card cp-pickup" id="campaign-pickup">
      <View className="cp-pickup__pin" />
      <View className="cp-pickup__info">
        <Text className="cp-pickup__label">{campaign.offeredHere ? '到这里自提' : '你当前的自提点'}</Text>
        <Text className="cp-pickup__name" id="campaign-pickup-name">
          {point?.name ?? (leader ? `${leader.name}的自提点` : '还没有选择自提点')}
        </Text>
        {point ? <Text className="cp-pickup__address">{point.address}</Text> : null}
        {leader ? (
          <Text className="cp-pickup__leader">
            团长 · {leader.name}
            {point?.openingHours ? ` · 营业 ${point.openingHours}` : ''}
          </Text>
        ) : null}
      </View>
      <View
        className="cp-pickup__switch"
        id="campaign-switch-pickup"
        onClick={() => void Taro.navigateTo({ url: PICKUP_URL })}
      >
        {leader ? '切换' : '选择'}
      </View>
    </View>
  );
}

/**
 * The bottom bar: the cart (all of this leader's campaigns) and what is chosen here. The sum uses this
 * page's prices only as a hint; the cart and checkout price everything with the server.
 */
function CartBar({ campaign, lines }: { campaign: CampaignPageView; lines: CartLine[] }) {
  const here = lines.filter((line) => line.campaignId === campaign.id);
  const pieces = totalQuantity(here);
  const sum = here.reduce((total, line) => {
    const item = campaign.items.find((i) => i.id === line.itemId);
    return total + (item ? item.groupPrice * line.quantity : 0);
  }, 0);
  return (
    <View className="cp-bar" id="campaign-cart-bar">
      <CartButton id="campaign-cart" count={totalQuantity(lines)} />
      <View className="cp-bar__summary">
        {pieces > 0 ? (
          <>
            <Text className="cp-bar__amount" id="campaign-cart-sum">
              {formatFen(sum)}
            </Text>
            <Text className="cp-bar__hint">本团已选 {pieces} 件</Text>
          </>
        ) : (
          <Text className="cp-bar__hint">点商品右侧的 + 加入购物车</Text>
        )}
      </View>
      <View
        className={`btn btn--primary cp-bar__checkout${lines.length === 0 ? ' is-disabled' : ''}`}
        id="campaign-go-cart"
        onClick={() => (lines.length > 0 ? void Taro.navigateTo({ url: CART_PAGE_URL }) : undefined)}
      >
        去结算
      </View>
    </View>
  );
}

export default function CampaignPage() {
  const { params } = useRouter();
  const id = campaignIdFromQuery(params);
  const now = useNow(1000);
  // The leader the link came with: it opens a campaign not offered at the buyer's own leader, and
  // forwarding keeps it, so a friend is attributed to the same leader.
  const linkLeaderCode = useMemo(() => entryFromQuery(params)?.leaderCode ?? null, [params]);
  const loader = useCallback(() => {
    if (!id) {
      return Promise.reject(
        new ApiError(404, { code: ErrorCode.CAMPAIGN_NOT_FOUND, message: '链接不完整', requestId: '' }),
      );
    }
    return fetchCampaignPage(id, linkLeaderCode);
  }, [id, linkLeaderCode]);
  const page = useBuyerPage(loader, [ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.NOT_FOUND]);
  const campaign = page.data;
  const cartLines = useCartLines();

  useDidShow(() => {
    // Also after 切换自提点: offeredHere and the pickup point may have changed.
    void page.reload();
  });
  usePullDownRefresh(() => {
    void page.reload().finally(() => Taro.stopPullDownRefresh());
  });

  useShareAppMessage(() => ({
    title: campaign ? campaign.title : '邻里团购',
    path: id ? campaignSharePath(id, linkLeaderCode) : '/pages/index/index',
    imageUrl: campaign?.coverUrl ? assetUrl(campaign.coverUrl) : undefined,
  }));

  if (page.phase === 'loading') {
    return (
      <View className="cp-page" id="campaign-loading">
        <View className="cp-skeleton cp-skeleton--cover" />
        <View className="cp-card">
          <View className="cp-skeleton cp-skeleton--w60" />
          <View className="cp-skeleton cp-skeleton--w40" />
          <View className="cp-skeleton cp-skeleton--w70" />
        </View>
      </View>
    );
  }

  if (page.phase !== 'ready' || !campaign) {
    return (
      <View className="cp-page cp-page--state">
        <View className="cp-card">
          <BuyerPageState page={page} idPrefix="campaign" subject="这场团购" />
        </View>
      </View>
    );
  }

  const availability = campaignAvailability(campaign, now);
  const notice = availabilityNotice(availability);
  // − n + only where the buyer can order: open now, at their own leader.
  const cartControlOf = (item: CampaignItemView): CartControl | null =>
    availability === 'open'
      ? {
          quantity: quantityOf(cartLines, campaign.id, item.id),
          max: maxQuantity(item),
          onChange: (quantity) => cart.setQuantity({ campaignId: campaign.id, itemId: item.id, quantity }),
        }
      : null;
  return (
    <View className="cp-page cp-page--with-bar" id="campaign-page">
      <Cover campaign={campaign} />
      <View className="cp-card cp-head">
        {campaign.flashSale ? (
          <View className="cp-head__tags">
            <FlashSaleTag id="campaign-flash-sale" />
            <Text className="cp-head__flash-hint">限量秒杀，先到先得</Text>
          </View>
        ) : null}
        {campaign.coverUrl ? (
          <Text className="cp-head__title" id="campaign-title">
            {campaign.title}
          </Text>
        ) : (
          <Text className="cp-head__title cp-head__title--small" id="campaign-title">
            {campaign.title}
          </Text>
        )}
        {campaign.description ? <Text className="cp-head__desc">{campaign.description}</Text> : null}
        <Deadline campaign={campaign} now={now} />
        <Text className="cp-head__sold" id="campaign-sold">
          已团 {campaign.soldQuantity} 件 · 共 {campaign.items.length} 件商品
        </Text>
      </View>

      {notice ? (
        <View className={`cp-notice cp-notice--${availability}`} id={`campaign-notice-${availability}`}>
          <Text className="cp-notice__title">{notice.title}</Text>
          <Text className="cp-notice__detail">{notice.detail}</Text>
          {availability === 'elsewhere' ? (
            <View
              className="btn btn--ghost cp-notice__action"
              id="campaign-notice-switch"
              onClick={() => void Taro.navigateTo({ url: PICKUP_URL })}
            >
              切换自提点
            </View>
          ) : null}
          {availability === 'ended' ? (
            <View
              className="btn btn--ghost cp-notice__action"
              id="campaign-notice-home"
              onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}
            >
              去首页
            </View>
          ) : null}
        </View>
      ) : null}

      <PickupPoint campaign={campaign} />

      <View className="cp-card cp-items" id="campaign-items">
        <Text className="cp-items__title">团购商品</Text>
        {campaign.items.map((item) => (
          <CampaignItemRow
            key={item.id}
            item={item}
            muted={availability !== 'open'}
            cartControl={cartControlOf(item)}
            onOpen={() =>
              void Taro.navigateTo({ url: productPageUrl(campaign.id, item.productId, linkLeaderCode) })
            }
          />
        ))}
      </View>
      <CartBar campaign={campaign} lines={cartLines} />
    </View>
  );
}
