import { useCallback, useEffect, useMemo, useState } from 'react';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { ErrorCode, formatFen, type CampaignProductView } from '@linli/shared-types';
import { BuyerPageState } from '@/components/buyer-page-state';
import { CartButton } from '@/components/cart-button';
import { useCartLines } from '@/components/cart-button/use-cart-lines';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import { useNow } from '@/hooks/use-now';
import { cart, quantityOf, totalQuantity } from '@/services/cart';
import { campaignPageUrl, fetchCampaignProduct, productPageUrl } from '@/services/campaigns';
import { checkoutPageUrl } from '@/services/orders';
import { ApiError } from '@/services/request';
import { assetUrl } from '@/services/uploads';
import { availabilityNotice, campaignAvailability, type CampaignAvailability } from '@/utils/campaign-state';
import { initialOf, limitLabel } from '@/utils/display';
import { entryFromQuery } from '@/utils/member-entry';
import { formatCutoff, formatPickupDate } from '@/utils/shanghai-time';
import {
  clampQuantity,
  initialSelection,
  maxQuantity,
  missingDimensions,
  priceRange,
  selectedOption,
  specChips,
  toggleSpec,
  type SpecSelection,
} from '@/utils/spec-selection';
import { QuantityStepper, SpecSelector } from './spec-selector';
import './index.scss';

function positiveInt(value: string | undefined): number | null {
  return value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

function Gallery({ product }: { product: CampaignProductView }) {
  if (product.images.length === 0) {
    return (
      <View className="pd-gallery pd-gallery--placeholder" id="product-gallery">
        <Text>{initialOf(product.name)}</Text>
      </View>
    );
  }
  return (
    <Swiper
      className="pd-gallery"
      id="product-gallery"
      indicatorDots={product.images.length > 1}
      indicatorColor="rgba(255,255,255,0.5)"
      indicatorActiveColor="#ffffff"
      circular={product.images.length > 1}
    >
      {product.images.map((image) => (
        <SwiperItem key={image.key}>
          <Image className="pd-gallery__image" src={assetUrl(image.url)} mode="aspectFill" />
        </SwiperItem>
      ))}
    </Swiper>
  );
}

/** What the disabled order buttons say when the campaign cannot be ordered here. */
const CLOSED_LABELS: Record<Exclude<CampaignAvailability, 'open'>, string> = {
  ended: '团购已结束',
  'cut-off': '已截单',
  elsewhere: '当前自提点未参加',
};

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2000 });
}

export default function ProductPage() {
  const { params } = useRouter();
  const campaignId = positiveInt(params.campaignId);
  const productId = positiveInt(params.productId);
  // Carried from the campaign page (share card / poster link): needed to see a campaign offered elsewhere.
  const linkLeaderCode = useMemo(() => entryFromQuery(params)?.leaderCode ?? null, [params]);
  const now = useNow();
  const loader = useCallback(() => {
    if (!campaignId || !productId) {
      return Promise.reject(
        new ApiError(404, { code: ErrorCode.NOT_FOUND, message: '链接不完整', requestId: '' }),
      );
    }
    return fetchCampaignProduct(campaignId, productId, linkLeaderCode);
  }, [campaignId, productId, linkLeaderCode]);
  const page = useBuyerPage(loader, [
    ErrorCode.CAMPAIGN_NOT_FOUND,
    ErrorCode.PRODUCT_NOT_FOUND,
    ErrorCode.NOT_FOUND,
  ]);
  const product = page.data;
  const [selection, setSelection] = useState<SpecSelection>([]);
  const [quantity, setQuantity] = useState(1);
  const cartLines = useCartLines();

  useDidShow(() => {
    void page.reload();
  });

  // A (re)load starts on the first option in stock unless the current choice is still complete and valid.
  useEffect(() => {
    if (!product) return;
    setSelection((current) =>
      current.length === product.specDimensions.length && selectedOption(product.options, current)
        ? current
        : initialSelection(product.specDimensions, product.options),
    );
  }, [product]);

  const chips = useMemo(
    () => (product ? specChips(product.specDimensions, product.options, selection) : []),
    [product, selection],
  );
  const option = product ? selectedOption(product.options, selection) : null;
  const max = option ? maxQuantity(option) : 0;
  useEffect(() => setQuantity((current) => clampQuantity(current, max)), [max]);

  useShareAppMessage(() => ({
    title: product ? product.name : '邻里团购',
    path:
      campaignId && productId ? productPageUrl(campaignId, productId, linkLeaderCode) : '/pages/index/index',
    imageUrl: product?.images[0] ? assetUrl(product.images[0].url) : undefined,
  }));

  if (page.phase === 'loading') {
    return (
      <View className="pd-page" id="product-loading">
        <View className="pd-skeleton pd-skeleton--gallery" />
        <View className="pd-card">
          <View className="pd-skeleton pd-skeleton--w40" />
          <View className="pd-skeleton pd-skeleton--w70" />
        </View>
      </View>
    );
  }

  if (page.phase !== 'ready' || !product) {
    return (
      <View className="pd-page pd-page--state">
        <View className="pd-card">
          <BuyerPageState page={page} idPrefix="product" subject="这件商品" />
        </View>
      </View>
    );
  }

  const availability = campaignAvailability(
    { status: product.campaignStatus, cutoffAt: product.cutoffAt, offeredHere: product.offeredHere },
    now,
  );
  const notice = availabilityNotice(availability);
  const range = priceRange(product.options);
  const missing = missingDimensions(product.specDimensions, selection);
  const limit = option ? limitLabel(option.perMemberLimit) : null;
  const soldOut = product.options.every((o) => o.remaining <= 0);
  const canOrder = availability === 'open' && option !== null && max > 0 && quantity > 0;

  /** Why the buttons do nothing, told on tap instead of a silent disabled look. */
  const explainBlocked = () =>
    toast(
      missing.length > 0
        ? `请选择 ${missing.join('、')}`
        : option && max <= 0
          ? '这个规格已抢光'
          : '请选择规格',
    );

  const addToCart = () => {
    if (!canOrder || !option) return explainBlocked();
    const inCart = quantityOf(cartLines, product.campaignId, option.itemId);
    const added = cart.add({ campaignId: product.campaignId, itemId: option.itemId, quantity }, max);
    const limitWord =
      option.perMemberLimit > 0 && option.perMemberLimit <= option.remaining ? '限购' : '库存';
    if (added === quantity) toast('已加入购物车');
    else if (added > 0) toast(`已加入 ${added} 件，已达${limitWord}上限`);
    else toast(`购物车里已有 ${inCart} 件，已达${limitWord}上限`);
  };

  const buyNow = () => {
    if (!canOrder || !option) return explainBlocked();
    void Taro.navigateTo({
      url: checkoutPageUrl(product.campaignId, [{ itemId: option.itemId, quantity }], false),
    });
  };

  return (
    <View className="pd-page" id="product-page">
      <Gallery product={product} />

      <View className="pd-card pd-price-card">
        <View className="pd-price">
          <Text className="pd-price__value" id="product-price">
            {option ? formatFen(option.groupPrice) : range ? formatFen(range[0]) : ''}
          </Text>
          {!option && range && range[1] > range[0] ? <Text className="pd-price__from">起</Text> : null}
          {option && option.originalPrice > option.groupPrice ? (
            <Text className="pd-price__original" id="product-original-price">
              {formatFen(option.originalPrice)}
            </Text>
          ) : null}
          <Text className="pd-price__stat" id="product-stock">
            {option
              ? option.remaining > 0
                ? `已团 ${option.soldQuantity} 件 · 剩余 ${option.remaining} 件`
                : '已抢光'
              : soldOut
                ? '已抢光'
                : ''}
          </Text>
        </View>
        <Text className="pd-name" id="product-name">
          {product.name}
        </Text>
        {product.subtitle ? <Text className="pd-subtitle">{product.subtitle}</Text> : null}
        {limit ? <Text className="pd-limit">{limit}</Text> : null}
      </View>

      {notice ? (
        <View className={`pd-notice pd-notice--${availability}`} id={`product-notice-${availability}`}>
          <Text className="pd-notice__title">{notice.title}</Text>
          <Text className="pd-notice__detail">{notice.detail}</Text>
        </View>
      ) : null}

      <View className="pd-card">
        {product.specDimensions.length > 0 ? (
          <SpecSelector
            dimensions={product.specDimensions}
            chips={chips}
            onToggle={(dimension, value) =>
              setSelection((current) =>
                toggleSpec(product.specDimensions, product.options, current, dimension, value),
              )
            }
          />
        ) : null}
        <Text className="pd-selected" id="product-selected">
          {missing.length > 0
            ? `请选择 ${missing.join('、')}`
            : `已选：${option?.specText ?? product.options[0]?.specText ?? ''}`}
        </Text>
        <View className="pd-quantity">
          <View className="pd-quantity__label">
            <Text className="pd-quantity__title">数量</Text>
            <Text className="pd-quantity__hint">
              {option ? (max > 0 ? `最多可选 ${max} 件` : '这个规格已抢光') : '先选择规格'}
            </Text>
          </View>
          <QuantityStepper value={option ? quantity : 0} max={max} onChange={setQuantity} />
        </View>
      </View>

      {product.bundleContents.length > 0 ? (
        <View className="pd-card" id="product-bundle">
          <Text className="pd-card__title">套餐内容</Text>
          {product.bundleContents.map((part, index) => (
            <View className="pd-bundle-row" key={index}>
              <Text className="pd-bundle-row__name">
                {part.productName}
                {part.specText && part.specText !== '默认' ? ` · ${part.specText}` : ''}
              </Text>
              <Text className="pd-bundle-row__qty">× {part.quantity}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View
        className="pd-card pd-campaign"
        id="product-campaign"
        onClick={() => void Taro.navigateTo({ url: campaignPageUrl(product.campaignId, linkLeaderCode) })}
      >
        <View className="pd-campaign__info">
          <Text className="pd-campaign__label">来自团购</Text>
          <Text className="pd-campaign__title">{product.campaignTitle}</Text>
        </View>
        <View className="pd-campaign__chevron" />
      </View>

      {product.description ? (
        <View className="pd-card" id="product-description">
          <Text className="pd-card__title">商品详情</Text>
          <Text className="pd-description">{product.description}</Text>
        </View>
      ) : null}

      <View className="pd-bar" id="product-bar">
        <View className="pd-bar__summary">
          <Text className="pd-bar__label">小计</Text>
          <Text className="pd-bar__amount" id="product-subtotal">
            {option && quantity > 0 ? formatFen(option.groupPrice * quantity) : '—'}
          </Text>
          <Text className="pd-bar__info">
            {formatCutoff(product.cutoffAt, now)} · {formatPickupDate(product.pickupDate, now)}
          </Text>
        </View>
        <View className="pd-bar__actions">
          <CartButton id="product-cart" count={totalQuantity(cartLines)} />
          {availability === 'open' ? (
            <>
              <View
                className={`btn pd-bar__add${canOrder ? '' : ' is-disabled'}`}
                id="product-add-to-cart"
                onClick={addToCart}
              >
                加入购物车
              </View>
              <View
                className={`btn btn--primary pd-bar__buy${canOrder ? '' : ' is-disabled'}`}
                id="product-buy-now"
                onClick={buyNow}
              >
                立即购买
              </View>
            </>
          ) : (
            <View className="btn pd-bar__closed" id="product-order-closed">
              {CLOSED_LABELS[availability]}
            </View>
          )}
        </View>
      </View>
    </View>
  );
}
