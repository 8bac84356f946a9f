import { openMerchantTransfer, transferFailureOutcome } from './merchant-transfer';

type Options = { success: () => void; fail: (result: { errMsg?: string }) => void };
const globals = globalThis as { wx?: unknown };
const params = { mchId: '1900000001', appId: 'wx123', package: 'pkg' };

afterEach(() => {
  delete globals.wx;
});

test('a closed WeChat page is a cancel, anything else a failure', () => {
  expect(transferFailureOutcome('requestMerchantTransfer:fail cancel')).toBe('cancelled');
  expect(transferFailureOutcome('requestMerchantTransfer:fail system error')).toBe('failed');
  expect(transferFailureOutcome(undefined)).toBe('failed');
});

test('without the API (H5, old WeChat) nothing is called', async () => {
  await expect(openMerchantTransfer(params)).resolves.toBe('unsupported');
  globals.wx = {};
  await expect(openMerchantTransfer(params)).resolves.toBe('unsupported');
});

test('passes the server’s parameters and reports how it ended', async () => {
  const requestMerchantTransfer = jest.fn((options: Options) => options.success());
  globals.wx = { requestMerchantTransfer };
  await expect(openMerchantTransfer(params)).resolves.toBe('confirmed');
  expect(requestMerchantTransfer).toHaveBeenCalledWith(expect.objectContaining(params));

  globals.wx = {
    requestMerchantTransfer: (options: Options) =>
      options.fail({ errMsg: 'requestMerchantTransfer:fail cancel' }),
  };
  await expect(openMerchantTransfer(params)).resolves.toBe('cancelled');
});
