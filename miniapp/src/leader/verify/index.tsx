import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorCode, type LeaderPickupOrder } from '@linli/shared-types';
import { useNow } from '@/hooks/use-now';
import { ensureLogin } from '@/services/auth';
import {
  isCompletePickupCode,
  lookupPickupCode,
  pickupRefusalTitle,
  scannedPickupCode,
  verifyPickupCode,
} from '@/services/pickups';
import { ApiError } from '@/services/request';
import { LeaderGateState } from '../components/leader-gate-state';
import { CodeBoxes, OrderToHandOver, RefusalPanel, type Refusal } from './verify-parts';
import './index.scss';

type Gate = 'checking' | 'ready' | 'not-leader' | 'signed-out' | 'error';

/** The 核销 flow: enter or scan → check the order → 确认提货 → done (继续核销). */
type Step =
  | { kind: 'enter' }
  | { kind: 'check'; code: string; order: LeaderPickupOrder }
  | { kind: 'done'; order: LeaderPickupOrder };

const canScan = process.env.TARO_ENV === 'weapp';

function refusalOf(caught: unknown): Refusal {
  if (caught instanceof ApiError) {
    return { code: caught.code, title: pickupRefusalTitle(caught.code), message: caught.message };
  }
  return { code: 'UNKNOWN', title: pickupRefusalTitle('UNKNOWN'), message: '请检查网络后重试' };
}

/** 核销提货: the leader checks the buyer's order by code (typed or scanned) and hands it over. */
export default function VerifyPage() {
  const [gate, setGate] = useState<Gate>('checking');
  const [gateError, setGateError] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'enter' });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const now = useNow();

  const checkGate = useCallback(async () => {
    try {
      const member = await ensureLogin();
      setGate(!member ? 'signed-out' : member.isLeader ? 'ready' : 'not-leader');
    } catch (caught) {
      setGateError(caught instanceof ApiError ? caught.message : '加载失败，请稍后重试');
      setGate('error');
    }
  }, []);

  useEffect(() => {
    void checkGate();
  }, [checkGate]);

  const handleRefusal = (caught: unknown) => {
    if (caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE) {
      setGate('not-leader');
      return;
    }
    setRefusal(refusalOf(caught));
    setStep({ kind: 'enter' });
  };

  const lookup = async (codeOrQr: string) => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      const order = await lookupPickupCode(codeOrQr);
      setStep({ kind: 'check', code: codeOrQr, order });
    } catch (caught) {
      handleRefusal(caught);
    } finally {
      setBusy(false);
    }
  };

  const lookupTyped = () => {
    if (isCompletePickupCode(code)) void lookup(code);
  };

  const scan = async () => {
    if (!canScan || busy) return;
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      const scanned = scannedPickupCode(result);
      if (scanned) void lookup(scanned);
      else
        setRefusal({
          code: 'NOT_A_PICKUP_QR',
          title: '这不是提货码',
          message: '请扫描买家订单页上的提货二维码',
        });
    } catch {
      // Closed the camera: nothing to do.
    }
  };

  const handOver = async () => {
    if (step.kind !== 'check' || busy) return;
    setBusy(true);
    try {
      const order = await verifyPickupCode(step.code);
      setStep({ kind: 'done', order });
      setCode('');
      void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined);
    } catch (caught) {
      handleRefusal(caught);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setStep({ kind: 'enter' });
    setCode('');
    setRefusal(null);
  };

  if (gate === 'checking') {
    return <View className="verify-page" id="verify-loading" />;
  }

  if (gate !== 'ready') {
    return (
      <View className="verify-page">
        <View className="verify-panel">
          <LeaderGateState
            phase={gate}
            idPrefix="verify"
            activity="核销提货"
            pageName="核销提货"
            error={gateError}
            onRetry={() => {
              setGate('checking');
              void checkGate();
            }}
          />
        </View>
      </View>
    );
  }

  if (step.kind === 'done') {
    return (
      <View className="verify-page" id="verify-page">
        <View className="verify-panel verify-done" id="verify-done">
          <View className="verify-done__check" />
          <Text className="verify-done__title">核销成功</Text>
          <Text className="verify-done__text" id="verify-done-text">
            {step.order.buyerName} 的 {step.order.itemCount} 件商品已交付
          </Text>
          <View className="btn btn--primary btn--block verify-done__again" id="verify-again" onClick={again}>
            继续核销
          </View>
          <View
            className="btn btn--ghost btn--block verify-done__list"
            id="verify-go-picked"
            onClick={() => void Taro.redirectTo({ url: '/leader/pickups/index?status=picked_up' })}
          >
            查看已提货订单
          </View>
        </View>
      </View>
    );
  }

  if (step.kind === 'check') {
    return (
      <View className="verify-page verify-page--with-bar" id="verify-page">
        <Text className="verify-check-hint">请核对买家和商品，无误后确认提货</Text>
        <OrderToHandOver order={step.order} now={now} />
        <View className="verify-bar">
          <View className="btn btn--ghost verify-bar__back" id="verify-back" onClick={again}>
            重新输入
          </View>
          <View
            className={`btn btn--primary verify-bar__confirm${busy ? ' is-busy' : ''}`}
            id="verify-confirm"
            onClick={() => void handOver()}
          >
            {busy ? '核销中…' : '确认提货'}
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="verify-page" id="verify-page">
      <View className="verify-panel">
        <View
          className={`verify-scan${canScan ? '' : ' is-disabled'}`}
          id="verify-scan"
          onClick={() => void scan()}
        >
          <View className="verify-scan__icon">
            <View className="verify-scan__corner verify-scan__corner--tl" />
            <View className="verify-scan__corner verify-scan__corner--tr" />
            <View className="verify-scan__corner verify-scan__corner--bl" />
            <View className="verify-scan__corner verify-scan__corner--br" />
            <View className="verify-scan__beam" />
          </View>
          <Text className="verify-scan__title">扫码核销</Text>
          <Text className="verify-scan__hint" id="verify-scan-hint">
            {canScan ? '扫买家订单页上的提货二维码' : '网页版不能扫码，请输入买家的 6 位提货码'}
          </Text>
        </View>

        <View className="verify-divider">
          <Text className="verify-divider__text">或输入提货码</Text>
        </View>

        <CodeBoxes
          code={code}
          focus={!canScan}
          onChange={(next) => {
            setCode(next);
            if (refusal) setRefusal(null);
          }}
          onComplete={lookupTyped}
        />
        {refusal ? <RefusalPanel refusal={refusal} /> : null}
        <View
          className={`btn btn--primary btn--block verify-lookup${isCompletePickupCode(code) && !busy ? '' : ' is-disabled'}`}
          id="verify-lookup"
          onClick={lookupTyped}
        >
          {busy ? '查询中…' : '查询订单'}
        </View>
      </View>
      <Text className="verify-footnote">提货码在买家的订单详情页；一个提货码只能核销一次</Text>
    </View>
  );
}
