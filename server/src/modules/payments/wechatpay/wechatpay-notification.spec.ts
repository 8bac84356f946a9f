import { encryptResource, signAsPlatform } from './wechatpay-crypto';
import {
  NotificationRejectedError,
  parseRefundResource,
  parseTransactionResource,
  parseTransferBillResource,
  WechatPayNotificationVerifier,
  type NotificationRejectionReason,
} from './wechatpay-notification';
import { generateWechatPayTestKeys, WechatPayPlatform, type WechatPayTestKeys } from './wechatpay-platform';

const NOW = new Date('2026-12-07T07:30:00Z');

const PAID_TRANSACTION = {
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  out_trade_no: 'LL20261207001',
  transaction_id: '1217752501201407033233368018',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'CMC',
  attach: '',
  success_time: '2026-12-07T15:29:35+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 1990, payer_total: 1990, currency: 'CNY', payer_currency: 'CNY' },
};

const REFUND = {
  mchid: '1230000109',
  out_trade_no: 'LL20261207001',
  transaction_id: '1217752501201407033233368018',
  out_refund_no: 'RF20261207001',
  refund_id: '50000000382019052709732678859',
  refund_status: 'SUCCESS',
  success_time: '2026-12-07T16:00:00+08:00',
  user_received_account: '支付用户零钱',
  amount: { total: 1990, refund: 1990, payer_total: 1990, payer_refund: 1990 },
};

const TRANSFER = {
  out_bill_no: 'TF20261207001',
  transfer_bill_no: '1330000071100999991182020050700019480001',
  state: 'SUCCESS',
  mch_id: '1230000109',
  transfer_amount: 1990,
  openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  create_time: '2026-12-07T15:00:00+08:00',
  update_time: '2026-12-07T15:02:00+08:00',
};

function rejectionOf(run: () => unknown): NotificationRejectionReason | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (error instanceof NotificationRejectedError) return error.reason;
    throw error;
  }
}

describe('WechatPayNotificationVerifier', () => {
  let keys: WechatPayTestKeys;
  let otherKeys: WechatPayTestKeys;
  let platform: WechatPayPlatform;
  let verifier: WechatPayNotificationVerifier;

  beforeAll(() => {
    keys = generateWechatPayTestKeys();
    otherKeys = generateWechatPayTestKeys();
    platform = new WechatPayPlatform({
      platformPrivateKey: keys.platform.privateKeyPem,
      platformPublicKeyId: keys.platform.publicKeyId,
      apiV3Key: keys.apiV3Key,
      now: () => NOW,
    });
    verifier = new WechatPayNotificationVerifier({
      platformPublicKey: keys.platform.publicKeyPem,
      platformPublicKeyId: keys.platform.publicKeyId,
      apiV3Key: keys.apiV3Key,
      now: () => NOW,
    });
  });

  /** Re-signs a body with the platform key, as WeChat would have sent it, at `at`. */
  function signedAt(body: string, at: Date, privateKey = keys.platform.privateKeyPem) {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const nonce = 'c5ac7061fccab6bf3e254dcf98995b8c';
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signAsPlatform({ timestamp, nonce, body }, privateKey),
      'Wechatpay-Serial': keys.platform.publicKeyId,
    };
  }

  it('verifies, decrypts and parses a payment notification', () => {
    const { headers, body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION, { id: 'EV-1' });
    const verified = verifier.verify(headers, body);
    expect(verified).toEqual({
      id: 'EV-1',
      eventType: 'TRANSACTION.SUCCESS',
      createTime: '2026-12-07T15:30:00+08:00',
      summary: '支付成功',
      resource: PAID_TRANSACTION,
    });
    expect(parseTransactionResource(verified.resource)).toEqual(PAID_TRANSACTION);
  });

  it('reads header names case-insensitively and takes the first of repeated headers (Node lower-cases them)', () => {
    const { headers, body } = platform.notification('REFUND.SUCCESS', REFUND);
    const lowerCased = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), [value, 'ignored']]),
    );
    expect(parseRefundResource(verifier.verify(lowerCased, body).resource)).toEqual(REFUND);
  });

  it('rejects missing headers', () => {
    const { headers, body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    for (const name of [
      'Wechatpay-Timestamp',
      'Wechatpay-Nonce',
      'Wechatpay-Signature',
      'Wechatpay-Serial',
    ]) {
      const without = { ...headers, [name]: undefined };
      expect(rejectionOf(() => verifier.verify(without, body))).toBe('missing_headers');
    }
    expect(rejectionOf(() => verifier.verify({ ...headers, 'Wechatpay-Nonce': '  ' }, body))).toBe(
      'missing_headers',
    );
  });

  it('rejects a key id it does not hold (e.g. a platform certificate serial)', () => {
    const { headers, body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    const other = { ...headers, 'Wechatpay-Serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' };
    expect(rejectionOf(() => verifier.verify(other, body))).toBe('unknown_serial');
  });

  it('accepts timestamps within 5 minutes either way and rejects older or future ones', () => {
    const { body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    const at = (seconds: number) => signedAt(body, new Date(NOW.getTime() + seconds * 1000));
    expect(rejectionOf(() => verifier.verify(at(-299), body))).toBe('accepted');
    expect(rejectionOf(() => verifier.verify(at(299), body))).toBe('accepted');
    expect(rejectionOf(() => verifier.verify(at(-301), body))).toBe('stale_timestamp');
    expect(rejectionOf(() => verifier.verify(at(301), body))).toBe('stale_timestamp');
    expect(rejectionOf(() => verifier.verify({ ...at(0), 'Wechatpay-Timestamp': '17e8' }, body))).toBe(
      'stale_timestamp',
    );
  });

  it('honours a custom skew', () => {
    const strict = new WechatPayNotificationVerifier({
      platformPublicKey: keys.platform.publicKeyPem,
      platformPublicKeyId: keys.platform.publicKeyId,
      apiV3Key: keys.apiV3Key,
      now: () => NOW,
      maxSkewSeconds: 10,
    });
    const { body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    expect(rejectionOf(() => strict.verify(signedAt(body, new Date(NOW.getTime() - 60_000)), body))).toBe(
      'stale_timestamp',
    );
  });

  it('rejects a tampered body, another key, a signature probe and a replayed signature with a new timestamp', () => {
    const { headers, body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    expect(
      rejectionOf(() => verifier.verify(headers, body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.X"'))),
    ).toBe('bad_signature');
    expect(
      rejectionOf(() => verifier.verify(signedAt(body, NOW, otherKeys.platform.privateKeyPem), body)),
    ).toBe('bad_signature');
    const probe = {
      ...headers,
      'Wechatpay-Signature': `WECHATPAY/SIGNTEST/${headers['Wechatpay-Signature']}`,
    };
    expect(rejectionOf(() => verifier.verify(probe, body))).toBe('bad_signature');
    const moved = { ...headers, 'Wechatpay-Timestamp': String(Number(headers['Wechatpay-Timestamp']) + 1) };
    expect(rejectionOf(() => verifier.verify(moved, body))).toBe('bad_signature');
  });

  it('rejects a signed body that is not a notification', () => {
    for (const body of ['not json', '{}', '{"id":"x","resource":{"algorithm":"AEAD_AES_256_GCM"}}']) {
      expect(rejectionOf(() => verifier.verify(signedAt(body, NOW), body))).toBe('bad_body');
    }
    const { body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    const otherAlgorithm = body.replace('AEAD_AES_256_GCM', 'AES_256_CBC');
    expect(rejectionOf(() => verifier.verify(signedAt(otherAlgorithm, NOW), otherAlgorithm))).toBe(
      'bad_body',
    );
  });

  it('rejects a resource sealed with another APIv3 key or with a broken tag', () => {
    const { body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    const parsed = JSON.parse(body) as { resource: Record<string, string> };

    const foreign = JSON.stringify({
      ...parsed,
      resource: { ...parsed.resource, ...encryptResource('{}', otherKeys.apiV3Key, 'transaction') },
    });
    expect(rejectionOf(() => verifier.verify(signedAt(foreign, NOW), foreign))).toBe('decrypt_failed');

    const sealed = Buffer.from(parsed.resource.ciphertext, 'base64');
    sealed[sealed.length - 1] ^= 0xff;
    const brokenTag = JSON.stringify({
      ...parsed,
      resource: { ...parsed.resource, ciphertext: sealed.toString('base64') },
    });
    expect(rejectionOf(() => verifier.verify(signedAt(brokenTag, NOW), brokenTag))).toBe('decrypt_failed');
  });

  it('rejects a decrypted resource that is not JSON', () => {
    const { body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    const parsed = JSON.parse(body) as { resource: Record<string, string> };
    const garbage = JSON.stringify({
      ...parsed,
      resource: { ...parsed.resource, ...encryptResource('not json', keys.apiV3Key, 'transaction') },
    });
    expect(rejectionOf(() => verifier.verify(signedAt(garbage, NOW), garbage))).toBe('bad_body');
  });

  it('gives Chinese messages', () => {
    const { body } = platform.notification('TRANSACTION.SUCCESS', PAID_TRANSACTION);
    expect(() => verifier.verify({}, body)).toThrow('缺少微信支付签名头');
  });
});

describe('parseTransactionResource', () => {
  const reject = (resource: unknown) => rejectionOf(() => parseTransactionResource(resource));

  it('accepts an unpaid order without transaction id or total', () => {
    const unpaid = {
      appid: 'wx1',
      mchid: 'm',
      out_trade_no: 'LL1',
      trade_state: 'NOTPAY',
      amount: { payer_currency: 'CNY' },
    };
    expect(parseTransactionResource(unpaid)).toEqual(unpaid);
  });

  it('drops fields it does not know', () => {
    expect(parseTransactionResource({ ...PAID_TRANSACTION, promotion_detail: [] })).toEqual(PAID_TRANSACTION);
  });

  it('rejects what money decisions cannot trust', () => {
    expect(reject(null)).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, trade_state: 'PAID' })).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, out_trade_no: 7 })).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, mchid: '' })).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, transaction_id: undefined })).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, amount: undefined })).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, amount: { total: 19.9 } })).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, amount: { total: -1 } })).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, amount: { total: '1990' } })).toBe('bad_body');
    expect(reject({ ...PAID_TRANSACTION, payer: { openid: 1 } })).toBe('bad_body');
  });
});

describe('parseRefundResource', () => {
  it('accepts each refund outcome and rejects unknown statuses or broken amounts', () => {
    for (const status of ['SUCCESS', 'CLOSED', 'ABNORMAL', 'PROCESSING']) {
      expect(parseRefundResource({ ...REFUND, refund_status: status }).refund_status).toBe(status);
    }
    const reject = (resource: unknown) => rejectionOf(() => parseRefundResource(resource));
    expect(reject({ ...REFUND, refund_status: 'DONE' })).toBe('bad_body');
    expect(reject({ ...REFUND, status: 'SUCCESS', refund_status: undefined })).toBe('bad_body');
    expect(reject({ ...REFUND, amount: { total: 1990 } })).toBe('bad_body');
    expect(reject({ ...REFUND, out_refund_no: undefined })).toBe('bad_body');
  });
});

describe('parseTransferBillResource', () => {
  const reject = (resource: unknown) => rejectionOf(() => parseTransferBillResource(resource));

  it('accepts each final state, keeps fail_reason and drops fields it does not know', () => {
    expect(parseTransferBillResource({ ...TRANSFER, transfer_remark: '团长佣金提现' })).toEqual(TRANSFER);
    for (const state of ['SUCCESS', 'FAIL', 'CANCELLED']) {
      expect(parseTransferBillResource({ ...TRANSFER, state }).state).toBe(state);
    }
    expect(
      parseTransferBillResource({ ...TRANSFER, state: 'FAIL', fail_reason: 'OVERDUE_CLOSE' }).fail_reason,
    ).toBe('OVERDUE_CLOSE');
  });

  it('comes through the verifier from a MCHTRANSFER.BILL.FINISHED notification', () => {
    const keys = generateWechatPayTestKeys();
    const options = {
      platformPublicKeyId: keys.platform.publicKeyId,
      apiV3Key: keys.apiV3Key,
      now: () => NOW,
    };
    const platform = new WechatPayPlatform({ ...options, platformPrivateKey: keys.platform.privateKeyPem });
    const verifier = new WechatPayNotificationVerifier({
      ...options,
      platformPublicKey: keys.platform.publicKeyPem,
    });
    const { headers, body } = platform.notification('MCHTRANSFER.BILL.FINISHED', TRANSFER);
    const notification = verifier.verify(headers, body);
    expect(notification).toMatchObject({
      eventType: 'MCHTRANSFER.BILL.FINISHED',
      summary: '商家转账单据终态通知',
    });
    expect(parseTransferBillResource(notification.resource)).toEqual(TRANSFER);
  });

  it('rejects states that are not final, and what money decisions cannot trust', () => {
    expect(reject(null)).toBe('bad_body');
    expect(reject({ ...TRANSFER, state: 'WAIT_USER_CONFIRM' })).toBe('bad_body');
    expect(reject({ ...TRANSFER, state: 'DONE' })).toBe('bad_body');
    expect(reject({ ...TRANSFER, out_bill_no: undefined })).toBe('bad_body');
    expect(reject({ ...TRANSFER, transfer_bill_no: '' })).toBe('bad_body');
    expect(reject({ ...TRANSFER, mch_id: undefined, mchid: '1230000109' })).toBe('bad_body');
    expect(reject({ ...TRANSFER, transfer_amount: undefined })).toBe('bad_body');
    expect(reject({ ...TRANSFER, transfer_amount: 19.9 })).toBe('bad_body');
    expect(reject({ ...TRANSFER, transfer_amount: '1990' })).toBe('bad_body');
    expect(reject({ ...TRANSFER, openid: undefined })).toBe('bad_body');
    expect(reject({ ...TRANSFER, fail_reason: 7 })).toBe('bad_body');
  });
});
