import { type ReactElement, useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { type OrderDetail, type PayOrderResponse } from '@linli/shared-types';
import {
  confirmSimulatedPayment,
  fetchOrder,
  requestOrderPayment,
  syncOrderPayment,
} from '@/services/orders';
import { ApiError } from '@/services/request';
import { SimulatorPaySheet } from './index';

/** How a payment ended, for the page to move on (order page) or stay. */
export type PaymentOutcome =
  | { kind: 'paid'; order: OrderDetail }
  /** WeChat said paid but the server has not seen it yet: the order page will catch up. */
  | { kind: 'confirming' }
  /** Cancelled or failed: the order still waits for payment (until its deadline). */
  | { kind: 'not-paid'; message: string | null };

const CONFIRM_POLLS = 5;
const CONFIRM_POLL_MS = 1500;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function messageOf(caught: unknown, fallback: string): string {
  return caught instanceof ApiError ? caught.message : fallback;
}

/** wx.requestPayment rejects with `errMsg` "requestPayment:fail cancel" when the buyer closes it. */
function isCancelled(caught: unknown): boolean {
  const errMsg =
    caught && typeof caught === 'object' && 'errMsg' in caught
      ? String((caught as { errMsg: unknown }).errMsg)
      : '';
  return /cancel/i.test(errMsg);
}

/** Asks for the 到货提醒 subscription; a refusal (or an old client) never blocks paying. */
async function askForSubscriptions(templateIds: string[]): Promise<void> {
  if (templateIds.length === 0) return;
  try {
    // `entityIds` is Alipay's (required by Taro's type); WeChat ignores it.
    await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] });
  } catch {
    // The buyer declined or the client cannot ask: they simply get no message.
  }
}

/** After wx.requestPayment: ask the server to check with WeChat, then look again briefly until it is paid. */
async function confirmWithServer(orderId: number): Promise<PaymentOutcome> {
  try {
    let order = await syncOrderPayment(orderId);
    for (let poll = 0; order.status === 'pending_payment' && poll < CONFIRM_POLLS; poll += 1) {
      await wait(CONFIRM_POLL_MS);
      order = await fetchOrder(orderId);
    }
    return order.status === 'pending_payment' ? { kind: 'confirming' } : { kind: 'paid', order };
  } catch {
    return { kind: 'confirming' };
  }
}

interface Payment {
  /** Starts paying an order (WeChat Pay, or the simulator sheet). */
  pay: (orderId: number) => Promise<void>;
  /** True from the tap until WeChat's sheet or ours is up. */
  starting: boolean;
  /** The simulator sheet while it is open; render it in the page. */
  sheet: ReactElement | null;
}

/**
 * Paying an order from any screen (checkout, order list, order page). `onOutcome` says how it ended.
 * WeChat Pay (weapp): subscription prompt, wx.requestPayment, then payment-sync and a short poll.
 * Simulator: our bottom sheet; 确认支付 goes through the server's real notification pipeline.
 */
export function usePayment(onOutcome: (orderId: number, outcome: PaymentOutcome) => void): Payment {
  const [starting, setStarting] = useState(false);
  const [simulated, setSimulated] = useState<PayOrderResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sheetError, setSheetError] = useState('');
  const startingRef = useRef(false);
  const outcomeRef = useRef(onOutcome);
  outcomeRef.current = onOutcome;

  const pay = useCallback(async (orderId: number) => {
    if (startingRef.current) return;
    startingRef.current = true;
    setStarting(true);
    try {
      const params = await requestOrderPayment(orderId);
      if (params.provider === 'simulator') {
        setSheetError('');
        setSimulated(params);
        return;
      }
      if (process.env.TARO_ENV !== 'weapp') {
        outcomeRef.current(orderId, { kind: 'not-paid', message: '请在微信小程序中完成支付' });
        return;
      }
      await askForSubscriptions(params.subscribeTemplateIds);
      try {
        await Taro.requestPayment({ ...params.requestPayment });
      } catch (caught) {
        outcomeRef.current(orderId, {
          kind: 'not-paid',
          message: isCancelled(caught) ? '已取消支付，可在订单中继续支付' : '支付没有完成，请稍后重试',
        });
        return;
      }
      outcomeRef.current(orderId, await confirmWithServer(orderId));
    } catch (caught) {
      outcomeRef.current(orderId, {
        kind: 'not-paid',
        message: messageOf(caught, '发起支付失败，请稍后重试'),
      });
    } finally {
      startingRef.current = false;
      setStarting(false);
    }
  }, []);

  const confirmSimulated = useCallback(async () => {
    if (!simulated) return;
    setConfirming(true);
    setSheetError('');
    try {
      const order = await confirmSimulatedPayment(simulated.outTradeNo);
      setSimulated(null);
      outcomeRef.current(simulated.orderId, { kind: 'paid', order });
    } catch (caught) {
      setSheetError(messageOf(caught, '支付失败，请稍后重试'));
    } finally {
      setConfirming(false);
    }
  }, [simulated]);

  const cancelSimulated = useCallback(() => {
    if (!simulated) return;
    setSimulated(null);
    outcomeRef.current(simulated.orderId, { kind: 'not-paid', message: null });
  }, [simulated]);

  const sheet = simulated ? (
    <SimulatorPaySheet
      payment={simulated}
      confirming={confirming}
      error={sheetError}
      onConfirm={() => void confirmSimulated()}
      onCancel={cancelSimulated}
    />
  ) : null;

  return { pay, starting, sheet };
}
