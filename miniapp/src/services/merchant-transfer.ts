import { type WithdrawalConfirmation } from '@linli/shared-types';

/**
 * wx.requestMerchantTransfer (商家转账 user confirmation, base library ≥ 3.3.0). Taro 4.2.1 has no typing
 * or promise wrapper for it, so the WeChat global is called directly, after checking it is there.
 */

interface MerchantTransferOptions {
  mchId: string;
  appId: string;
  package: string;
  success: () => void;
  fail: (result: { errMsg?: string }) => void;
}

interface WechatGlobal {
  requestMerchantTransfer?: (options: MerchantTransferOptions) => void;
}

// The mini-program's global object; absent on H5 (hence the typeof checks before use).
declare const wx: WechatGlobal | undefined;

/** confirmed: the leader accepted in WeChat; cancelled: closed the page; unsupported: WeChat too old. */
export type MerchantTransferOutcome = 'confirmed' | 'cancelled' | 'failed' | 'unsupported';

/** `fail` reports "requestMerchantTransfer:fail cancel" when the leader closes WeChat's page. */
export function transferFailureOutcome(errMsg: string | undefined): MerchantTransferOutcome {
  return /cancel/i.test(errMsg ?? '') ? 'cancelled' : 'failed';
}

export function openMerchantTransfer(
  params: Pick<WithdrawalConfirmation, 'mchId' | 'appId' | 'package'>,
): Promise<MerchantTransferOutcome> {
  const wechat = typeof wx === 'undefined' ? undefined : wx;
  if (!wechat || typeof wechat.requestMerchantTransfer !== 'function') return Promise.resolve('unsupported');
  const request = wechat.requestMerchantTransfer.bind(wechat);
  return new Promise((resolve) => {
    request({
      mchId: params.mchId,
      appId: params.appId,
      package: params.package,
      success: () => resolve('confirmed'),
      fail: (result) => resolve(transferFailureOutcome(result?.errMsg)),
    });
  });
}
