import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { type CommissionEntryView } from '@linli/shared-types';
import { StatusBadge } from '@/components/status-badge';
import {
  amountTone,
  detailFormula,
  effectiveEntryStatus,
  entryBadge,
  entryTitle,
  formatExactFen,
  signedFen,
} from '@/utils/commission';
import { formatShanghaiDateTime } from '@/utils/shanghai-time';
import './commission-entry-row.scss';

/** How an entry was computed: its lines (order line, tier, referral…), the rule of each, the rule set. */
function EntryDetails({ entry, id }: { entry: CommissionEntryView; id: string }) {
  return (
    <View className="entry-row__details" id={`${id}-details`}>
      {entry.details.map((line, index) => {
        const formula = detailFormula(line);
        return (
          <View className="entry-line" key={index}>
            <View className="entry-line__top">
              <Text className="entry-line__label">{line.label}</Text>
              <Text className="entry-line__amount">{formatExactFen(line.amount)}</Text>
            </View>
            <Text className="entry-line__how">{formula ? `${formula} · ${line.rule}` : line.rule}</Text>
          </View>
        );
      })}
      {entry.ruleSetVersion !== null ? (
        <Text className="entry-row__plain" id={`${id}-rule-version`}>
          佣金方案 v{entry.ruleSetVersion}
        </Text>
      ) : null}
    </View>
  );
}

/**
 * One ledger entry (佣金明细, 对账单): type, signed amount, status, time, order number; a tap opens how it
 * was computed, so the leader sees the order and the rule behind each amount. Ids `<idPrefix>-<entryId>…`.
 */
export function CommissionEntryRow({ entry, idPrefix }: { entry: CommissionEntryView; idPrefix: string }) {
  const [open, setOpen] = useState(false);
  const id = `${idPrefix}-${entry.id}`;
  const badge = entryBadge(entry);
  const frozen = entry.type !== 'withdrawal' && effectiveEntryStatus(entry) === 'frozen';
  // Withdrawals and adjustments have nothing to compute (their note says it all): no toggle then.
  const explained = entry.details.length > 0;
  return (
    <View
      className={`entry-row${open ? ' is-open' : ''}`}
      id={id}
      onClick={() => (explained ? setOpen(!open) : undefined)}
    >
      <View className="entry-row__head">
        <Text className="entry-row__type" id={`${id}-type`}>
          {entryTitle(entry)}
        </Text>
        {badge ? <StatusBadge id={`${id}-status`} label={badge.label} tone={badge.tone} /> : null}
        <Text
          className={`entry-row__amount entry-row__amount--${amountTone(entry.amount)}`}
          id={`${id}-amount`}
        >
          {signedFen(entry.amount)}
        </Text>
      </View>
      <Text className="entry-row__meta">{formatShanghaiDateTime(entry.createdAt)}</Text>
      {entry.orderNo ? (
        <Text className="entry-row__meta" id={`${id}-order-no`}>
          订单号 {entry.orderNo}
        </Text>
      ) : null}
      {entry.note ? (
        <Text className="entry-row__note" id={`${id}-note`}>
          {entry.note}
        </Text>
      ) : null}
      {frozen ? (
        <Text className="entry-row__frozen">{formatShanghaiDateTime(entry.availableAt)} 后可提现</Text>
      ) : null}
      {open ? <EntryDetails entry={entry} id={id} /> : null}
      {explained ? (
        <Text className="entry-row__toggle" id={`${id}-toggle`}>
          {open ? '收起' : '计算明细'}
        </Text>
      ) : null}
    </View>
  );
}
