import { newPickupCode, parsePickupInput, pickupQrText } from './pickup-code';

describe('pickup codes', () => {
  it('are six digits', () => {
    for (let i = 0; i < 200; i += 1) expect(newPickupCode()).toMatch(/^\d{6}$/);
  });

  it('round-trip through the QR text', () => {
    expect(parsePickupInput(pickupQrText('26120807595812300042', '004211'))).toEqual({
      orderNo: '26120807595812300042',
      code: '004211',
    });
  });

  it.each([
    ['004211', '004211'],
    [' 004 211 ', '004211'],
    ['004-211', '004211'],
  ])('reads a typed code %p', (raw, code) => {
    expect(parsePickupInput(raw)).toEqual({ code, orderNo: null });
  });

  it.each(['', '12345', '1234567', 'abcdef', 'LINLI-PICKUP:123:12', 'OTHER:26120807595812300042:004211'])(
    'refuses %p',
    (raw) => {
      expect(parsePickupInput(raw)).toBeNull();
    },
  );
});
