import { Text, View } from '@tarojs/components';
import {
  COMMISSION_ENTRY_TYPE_LABELS,
  formatFen,
  type CommissionEntryType,
  type CommissionStatement,
} from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { amountTone, signedFen } from '@/utils/commission';
import { CommissionEntryRow } from '../components/commission-entry-row';

const TYPES = Object.keys(COMMISSION_ENTRY_TYPE_LABELS) as CommissionEntryType[];

/** The period's total and what it is made of: each type that moved, the orders' part, the rest. */
function TotalsCard({ statement }: { statement: CommissionStatement }) {
  const { totals } = statement;
  const moved = TYPES.filter((type) => (totals.byType[type] ?? 0) !== 0);
  const row = (label: string, amount: number, id: string) => (
    <View className="st-row" key={id}>
      <Text className="st-row__label">{label}</Text>
      <Text className={`st-row__value st-row__value--${amountTone(amount)}`} id={id}>
        {signedFen(amount)}
      </Text>
    </View>
  );
  return (
    <View className="st-card" id="statement-summary">
      <Text className="st-total__label">本期合计</Text>
      <Text className={`st-total__amount st-total__amount--${amountTone(totals.total)}`} id="statement-total">
        {signedFen(totals.total)}
      </Text>
      {moved.map((type) =>
        row(COMMISSION_ENTRY_TYPE_LABELS[type], totals.byType[type], `statement-type-${type}`),
      )}
      {row('其中订单相关', totals.ordersTotal, 'statement-orders-total')}
      {row('其中无关联订单', totals.withoutOrder, 'statement-without-order')}
    </View>
  );
}

function OrdersCard({ statement }: { statement: CommissionStatement }) {
  if (statement.orders.length === 0) return null;
  return (
    <View className="st-card" id="statement-orders">
      <Text className="st-card__title">订单（{statement.orders.length} 笔）</Text>
      <View className="st-order st-order--head">
        <Text className="st-order__no">订单号</Text>
        <Text className="st-order__paid">实付</Text>
        <Text className="st-order__commission">佣金</Text>
      </View>
      {statement.orders.map((order) => (
        <View className="st-order" key={order.orderId} id={`statement-order-${order.orderId}`}>
          <Text className="st-order__no">{order.orderNo}</Text>
          <Text className="st-order__paid">{formatFen(order.paidAmount)}</Text>
          <Text className={`st-order__commission st-order__commission--${amountTone(order.commission)}`}>
            {signedFen(order.commission)}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** One period's statement: totals, the orders behind them, and every entry (tap for its computation). */
export function StatementBody({ statement }: { statement: CommissionStatement }) {
  if (statement.entries.length === 0) {
    return (
      <View className="st-card">
        <StateView
          id="statement-empty"
          illustration="receipt"
          title="这段时间没有佣金记录"
          description="换个日期或周期看看"
        />
      </View>
    );
  }
  return (
    <View id="statement-body">
      <TotalsCard statement={statement} />
      <OrdersCard statement={statement} />
      <Text className="st-section">明细（{statement.entries.length} 笔）</Text>
      <View id="statement-entries">
        {statement.entries.map((entry) => (
          <CommissionEntryRow key={entry.id} entry={entry} idPrefix="statement-entry" />
        ))}
      </View>
    </View>
  );
}
