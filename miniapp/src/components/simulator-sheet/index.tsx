import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen, type Fen } from '@linli/shared-types';
import './index.scss';

export interface SimulatorSheetRow {
  label: string;
  value: string;
  /** Orange and bold: a deadline or something the user should notice. */
  warn?: boolean;
}

interface SimulatorSheetProps {
  /** The sheet's id; its parts are `<id>-amount`, `<id>-error`, `<id>-confirm` and `<id>-cancel`. */
  id: string;
  title: string;
  note: string;
  amount: Fen;
  rows: SimulatorSheetRow[];
  /** A refusal of the simulated step, shown in the sheet. */
  error: string;
  busy: boolean;
  confirmText: string;
  busyText: string;
  cancelText: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Tapping the dimmed page; the cancel button's action when not given. */
  onDismiss?: () => void;
}

/**
 * The demo stand-in for a WeChat sheet (模拟支付, 模拟收款): the amount, a few rows, confirm and cancel.
 * The server turns the choice into the same notification WeChat would send, so the real pipeline runs.
 */
export function SimulatorSheet(props: SimulatorSheetProps) {
  const { id, busy, onConfirm, onCancel } = props;
  const dismiss = props.onDismiss ?? onCancel;
  const unlessBusy = (action: () => void) => () => (busy ? undefined : action());

  // On a tab page (订单) the tab bar would cover the sheet's buttons (on H5 it sits above every page), so
  // it steps aside while the sheet is up. Elsewhere there is no tab bar and the calls just fail.
  useEffect(() => {
    void Taro.hideTabBar({ animation: false }).catch(() => undefined);
    return () => void Taro.showTabBar({ animation: false }).catch(() => undefined);
  }, []);
  return (
    <View className="simulator-sheet" id={id}>
      <View className="simulator-sheet__mask" onClick={unlessBusy(dismiss)} />
      <View className="simulator-sheet__panel" catchMove>
        <View className="simulator-sheet__head">
          <Text className="simulator-sheet__title">{props.title}</Text>
          <Text className="simulator-sheet__note">{props.note}</Text>
        </View>
        <Text className="simulator-sheet__amount" id={`${id}-amount`}>
          {formatFen(props.amount)}
        </Text>
        <View className="simulator-sheet__rows">
          {props.rows.map((row) => (
            <View className="simulator-sheet__row" key={row.label}>
              <Text className="simulator-sheet__row-label">{row.label}</Text>
              <Text
                className={`simulator-sheet__row-value${row.warn ? ' simulator-sheet__row-value--warn' : ''}`}
              >
                {row.value}
              </Text>
            </View>
          ))}
        </View>
        {props.error ? (
          <Text className="simulator-sheet__error" id={`${id}-error`}>
            {props.error}
          </Text>
        ) : null}
        <View
          className={`btn btn--primary btn--block simulator-sheet__confirm${busy ? ' is-busy' : ''}`}
          id={`${id}-confirm`}
          onClick={unlessBusy(onConfirm)}
        >
          {busy ? props.busyText : props.confirmText}
        </View>
        <View className="simulator-sheet__cancel" id={`${id}-cancel`} onClick={unlessBusy(onCancel)}>
          {props.cancelText}
        </View>
      </View>
    </View>
  );
}
