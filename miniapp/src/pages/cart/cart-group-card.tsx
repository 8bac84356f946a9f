import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen, type OrderPreview, type OrderPreviewLine } from '@linli/shared-types';
import { FlashSaleTag } from '@/components/flash-sale-tag';
import { OrderLineRow } from '@/components/order-line-row';
import { QuantityStepper } from '@/components/quantity-stepper';
import { campaignPageUrl } from '@/services/campaigns';
import { cart, fixedQuantity, previewLineMax, type CartGroup, type CartLine } from '@/services/cart';
import { checkoutPageUrl } from '@/services/orders';
import { formatCutoff, formatPickupDate } from '@/utils/shanghai-time';
import { type GroupPreview } from './use-group-previews';

interface CartGroupCardProps {
  group: CartGroup;
  preview: GroupPreview | undefined;
  now: Date;
  onRetry: () => void;
}

/** Problems that lowering the quantity cannot fix: the line can only go. */
function isDeadLine(line: OrderPreviewLine | undefined): boolean {
  if (!line) return true;
  return line.problem !== null && fixedQuantity(line) === null;
}

function LineProblem({ id, message }: { id: string; message: string }) {
  return (
    <Text className="cart-line__problem" id={id}>
      {message}
    </Text>
  );
}

/** A cart line as the server priced it, with − n + (or 改为 N 件 / 移除 when there is a problem). */
function PricedLine({ cartLine, priced }: { cartLine: CartLine; priced: OrderPreviewLine }) {
  const id = `cart-line-${cartLine.campaignId}-${cartLine.itemId}`;
  const fix = fixedQuantity(priced);
  const dead = isDeadLine(priced);
  const remove = () => cart.remove([cartLine]);
  return (
    <OrderLineRow
      id={id}
      imageUrl={priced.imageUrl}
      productName={priced.productName}
      specText={priced.specText}
      quantity={cartLine.quantity}
      unitPrice={priced.unitPrice}
      lineTotal={priced.lineTotal}
      muted={dead}
    >
      {priced.problem ? <LineProblem id={`${id}-problem`} message={priced.problem.message} /> : null}
      <View className="cart-line__actions">
        <Text className="cart-line__remove" id={`${id}-remove`} onClick={remove}>
          删除
        </Text>
        {fix !== null ? (
          <View
            className="cart-line__fix"
            id={`${id}-fix`}
            onClick={() => cart.setQuantity({ ...cartLine, quantity: fix })}
          >
            改为 {fix} 件
          </View>
        ) : null}
        {!dead && fix === null ? (
          <QuantityStepper
            id={`${id}-qty`}
            value={cartLine.quantity}
            min={1}
            max={previewLineMax(priced)}
            onChange={(quantity) => cart.setQuantity({ ...cartLine, quantity })}
          />
        ) : null}
      </View>
    </OrderLineRow>
  );
}

/** A line the server no longer knows (item taken out of the campaign): only its removal is offered. */
function UnknownLine({ cartLine }: { cartLine: CartLine }) {
  const id = `cart-line-${cartLine.campaignId}-${cartLine.itemId}`;
  return (
    <OrderLineRow
      id={id}
      imageUrl={null}
      productName="已下架的商品"
      specText="已不在这场团购中，请删除"
      quantity={cartLine.quantity}
      muted
    >
      <View className="cart-line__actions">
        <Text className="cart-line__remove" id={`${id}-remove`} onClick={() => cart.remove([cartLine])}>
          删除
        </Text>
      </View>
    </OrderLineRow>
  );
}

function LinesSkeleton({ count }: { count: number }) {
  return (
    <View>
      {Array.from({ length: Math.min(count, 3) }, (_, index) => (
        <View className="cart-skeleton-line" key={index}>
          <View className="cart-skeleton cart-skeleton--thumb" />
          <View className="cart-skeleton-line__text">
            <View className="cart-skeleton cart-skeleton--w70" />
            <View className="cart-skeleton cart-skeleton--w40" />
          </View>
        </View>
      ))}
    </View>
  );
}

function GroupHead({ group, preview, now }: { group: CartGroup; preview: OrderPreview | null; now: Date }) {
  const open = () => void Taro.navigateTo({ url: campaignPageUrl(group.campaignId) });
  return (
    <View className="cart-group__head" onClick={open}>
      <View className="cart-group__title-row">
        {preview?.flashSale ? <FlashSaleTag /> : null}
        <Text className="cart-group__title">{preview?.campaignTitle ?? '团购'}</Text>
        <View className="cart-group__chevron" />
      </View>
      {preview ? (
        <Text className="cart-group__meta">
          {formatCutoff(preview.cutoffAt, now)} · {formatPickupDate(preview.pickupDate, now)}
        </Text>
      ) : null}
    </View>
  );
}

/** One campaign's lines in the cart, priced by the server, with its own 去结算 (one order per campaign). */
export function CartGroupCard({ group, preview, now, onRetry }: CartGroupCardProps) {
  const id = `cart-group-${group.campaignId}`;
  const clear = () => cart.remove(group.lines);

  if (preview?.state === 'gone') {
    return (
      <View className="cart-group" id={id}>
        <View className="cart-group__gone">
          <Text className="cart-group__gone-title">这场团购已结束或不在你的自提点</Text>
          <Text className="cart-group__gone-text">{group.lines.length} 件商品无法下单</Text>
          <View className="btn btn--ghost cart-group__small-btn" id={`${id}-clear`} onClick={clear}>
            清空这些商品
          </View>
        </View>
      </View>
    );
  }

  const priced = preview && 'preview' in preview ? preview.preview : null;
  const linesByItem = new Map(priced?.lines.map((line) => [line.itemId, line]) ?? []);
  const deadLines = priced ? group.lines.filter((line) => isDeadLine(linesByItem.get(line.itemId))) : [];
  const blocked = priced?.blocked ?? null;
  const canCheckout = Boolean(priced?.orderable) && preview?.state === 'ready';
  const checkout = () => {
    if (!canCheckout) return;
    void Taro.navigateTo({ url: checkoutPageUrl(group.campaignId, group.lines, true) });
  };

  return (
    <View className="cart-group" id={id}>
      <GroupHead group={group} preview={priced} now={now} />
      {blocked ? (
        <View className="cart-group__blocked" id={`${id}-blocked`}>
          <Text>{blocked.message}</Text>
          {blocked.reason === 'no_leader' ? (
            <Text
              className="cart-group__blocked-action"
              onClick={() => void Taro.navigateTo({ url: '/pages/pickup/index' })}
            >
              选择自提点
            </Text>
          ) : (
            <Text className="cart-group__blocked-action" id={`${id}-clear`} onClick={clear}>
              清空
            </Text>
          )}
        </View>
      ) : null}
      {preview?.state === 'error' ? (
        <View className="cart-group__error" id={`${id}-error`}>
          <Text>{preview.message}</Text>
          <Text className="cart-group__blocked-action" id={`${id}-retry`} onClick={onRetry}>
            重试
          </Text>
        </View>
      ) : null}
      <View className="cart-group__lines">
        {priced
          ? group.lines.map((line) => {
              const pricedLine = linesByItem.get(line.itemId);
              return pricedLine ? (
                <PricedLine key={line.itemId} cartLine={line} priced={pricedLine} />
              ) : (
                <UnknownLine key={line.itemId} cartLine={line} />
              );
            })
          : preview?.state !== 'error' && <LinesSkeleton count={group.lines.length} />}
      </View>
      {deadLines.length > 0 ? (
        <Text className="cart-group__clean" id={`${id}-remove-dead`} onClick={() => cart.remove(deadLines)}>
          清除 {deadLines.length} 件失效商品
        </Text>
      ) : null}
      <View className="cart-group__foot">
        <View className="cart-group__total">
          <Text className="cart-group__total-label">合计</Text>
          <Text className="cart-group__total-amount" id={`${id}-total`}>
            {priced ? formatFen(priced.payableAmount) : '—'}
          </Text>
          {priced && !priced.orderable && !blocked ? (
            <Text className="cart-group__total-hint">请先处理标红的商品</Text>
          ) : null}
        </View>
        <View
          className={`btn btn--primary cart-group__checkout${canCheckout ? '' : ' is-disabled'}`}
          id={`${id}-checkout`}
          onClick={checkout}
        >
          去结算
        </View>
      </View>
    </View>
  );
}
