import { ErrorCode, type LeaderApplicationView } from '@linli/shared-types';
import {
  EMPTY_APPLICATION_FORM,
  formFromApplication,
  hasErrors,
  normalizeInviteCode,
  serverErrorsToFields,
  toApplicationRequest,
  validateApplication,
  type ApplicationForm,
} from './leader-application';

const valid: ApplicationForm = {
  name: '李小花',
  phone: '13800138000',
  pickupName: '翠苑一区自提点',
  address: '杭州市西湖区文三路 100 号',
  latitude: '',
  longitude: '',
  openingHours: '每天 08:00–21:00',
  contactPhone: '',
  photoUrl: '',
  inviteCode: '',
  agreementAccepted: true,
};

describe('validateApplication', () => {
  it('accepts a complete form', () => {
    expect(validateApplication(valid)).toEqual({});
  });

  it('names every missing required field in Chinese on an empty form', () => {
    const errors = validateApplication(EMPTY_APPLICATION_FORM);
    expect(errors).toEqual({
      name: '请填写真实姓名',
      phone: '请填写手机号',
      pickupName: '请填写自提点名称',
      address: '请填写地址',
      openingHours: '请填写营业时间',
      agreementAccepted: '请先阅读并同意《团长合作协议》',
    });
    expect(hasErrors(errors)).toBe(true);
  });

  it('applies the length limits of the contract, counting characters not UTF-16 units', () => {
    expect(validateApplication({ ...valid, name: '李' }).name).toBe('真实姓名需为 2–32 个字');
    expect(validateApplication({ ...valid, name: '  李  ' }).name).toBe('真实姓名需为 2–32 个字');
    expect(validateApplication({ ...valid, name: '李'.repeat(33) }).name).toBeDefined();
    expect(validateApplication({ ...valid, name: '李'.repeat(32) }).name).toBeUndefined();
    expect(validateApplication({ ...valid, name: '𠀋𠀋' }).name).toBeUndefined();
    expect(validateApplication({ ...valid, pickupName: '点' }).pickupName).toBe('自提点名称需为 2–40 个字');
    expect(validateApplication({ ...valid, pickupName: 'x'.repeat(41) }).pickupName).toBeDefined();
    expect(validateApplication({ ...valid, address: '文三路' }).address).toBe('地址需为 5–120 个字');
    expect(validateApplication({ ...valid, address: 'x'.repeat(121) }).address).toBeDefined();
    expect(validateApplication({ ...valid, openingHours: 'x'.repeat(41) }).openingHours).toBe(
      '营业时间需为 1–40 个字',
    );
  });

  it('wants a mainland mobile number', () => {
    for (const bad of ['1380013800', '23800138000', '12800138000', '138-0013-8000', 'abc']) {
      expect(validateApplication({ ...valid, phone: bad }).phone).toBe('请输入 11 位手机号');
    }
    expect(validateApplication({ ...valid, phone: ' 19912345678 ' }).phone).toBeUndefined();
  });

  it('accepts a mobile or landline contact phone and nothing else', () => {
    for (const ok of ['', '13900139000', '0571-88886666', '057188886666', '0571-88886666-123']) {
      expect(validateApplication({ ...valid, contactPhone: ok }).contactPhone).toBeUndefined();
    }
    for (const bad of ['123', 'call me', '0571-888', '88886666']) {
      expect(validateApplication({ ...valid, contactPhone: bad }).contactPhone).toContain('带区号的座机号');
    }
  });

  it('wants both coordinates or neither, as numbers within range', () => {
    const at = (latitude: string, longitude: string) =>
      validateApplication({ ...valid, latitude, longitude }).location;
    expect(at('30.2741', '120.1551')).toBeUndefined();
    expect(at('-33.86', '151.2')).toBeUndefined();
    expect(at('30.2741', '')).toBe('纬度和经度需同时填写，或都不填');
    expect(at('', '120.1551')).toBe('纬度和经度需同时填写，或都不填');
    expect(at('北纬30', '120')).toBe('经纬度需为数字，如 30.2741');
    expect(at('90.1', '120')).toBe('纬度需在 -90 到 90 之间');
    expect(at('30', '-180.5')).toBe('经度需在 -180 到 180 之间');
  });

  it('checks the invite code format after normalising case and spaces', () => {
    expect(validateApplication({ ...valid, inviteCode: 'abcd 2345' }).inviteCode).toBeUndefined();
    expect(validateApplication({ ...valid, inviteCode: 'ABC' }).inviteCode).toBe('邀请码为 8 位字母或数字');
    expect(validateApplication({ ...valid, inviteCode: 'ABCD-234' }).inviteCode).toBeDefined();
  });

  it('requires the agreement', () => {
    expect(validateApplication({ ...valid, agreementAccepted: false })).toEqual({
      agreementAccepted: '请先阅读并同意《团长合作协议》',
    });
  });
});

describe('toApplicationRequest', () => {
  it('trims, defaults the contact phone to the phone and leaves out an empty invite code', () => {
    expect(toApplicationRequest({ ...valid, name: ' 李小花 ' }, 'v1')).toEqual({
      name: '李小花',
      phone: '13800138000',
      pickupPoint: {
        name: '翠苑一区自提点',
        address: '杭州市西湖区文三路 100 号',
        latitude: null,
        longitude: null,
        openingHours: '每天 08:00–21:00',
        contactPhone: '13800138000',
        photoUrl: null,
      },
      agreementVersion: 'v1',
      agreementAccepted: true,
    });
  });

  it('sends the uploaded photo URL', () => {
    const photoUrl = '/uploads/2026/11/23/0123456789abcdef0123456789abcdef.jpg';
    expect(toApplicationRequest({ ...valid, photoUrl }, 'v1').pickupPoint.photoUrl).toBe(photoUrl);
  });

  it('sends coordinates as numbers, the typed contact phone and the normalised invite code', () => {
    const body = toApplicationRequest(
      {
        ...valid,
        latitude: '30.2741',
        longitude: '120.1551',
        contactPhone: '0571-88886666',
        inviteCode: 'ab cd2345',
      },
      'v2',
    );
    expect(body.pickupPoint).toMatchObject({
      latitude: 30.2741,
      longitude: 120.1551,
      contactPhone: '0571-88886666',
    });
    expect(body.inviteCode).toBe('ABCD2345');
  });
});

describe('formFromApplication', () => {
  const rejected: LeaderApplicationView = {
    leaderId: 7,
    status: 'rejected',
    name: '李小花',
    phone: '13800138000',
    inviteCode: 'MINE2345',
    pickupPoint: {
      id: 3,
      name: '翠苑一区自提点',
      address: '杭州市西湖区文三路 100 号',
      latitude: 30.2741,
      longitude: null,
      openingHours: null,
      contactPhone: '13800138000',
      photoUrl: '/uploads/2026/11/20/0123456789abcdef0123456789abcdef.png',
    },
    uplineName: '王丽华',
    uplineInviteCode: null,
    agreementVersion: 'v1',
    agreementAcceptedAt: '2026-11-20T02:00:00Z',
    appliedAt: '2026-11-20T02:00:00Z',
    reviewedAt: '2026-11-21T02:00:00Z',
    statusReason: '地址不详细',
  };

  it('prefills 重新申请 but asks for consent again and never offers their own invite code', () => {
    expect(formFromApplication(rejected)).toEqual({
      name: '李小花',
      phone: '13800138000',
      pickupName: '翠苑一区自提点',
      address: '杭州市西湖区文三路 100 号',
      latitude: '30.2741',
      longitude: '',
      openingHours: '',
      contactPhone: '',
      photoUrl: '/uploads/2026/11/20/0123456789abcdef0123456789abcdef.png',
      inviteCode: '',
      agreementAccepted: false,
    });
  });

  it('leaves the photo empty when the pickup point has none', () => {
    const view = { ...rejected, pickupPoint: { ...rejected.pickupPoint, photoUrl: null } };
    expect(formFromApplication(view).photoUrl).toBe('');
  });

  it('keeps a contact phone that differs from the phone', () => {
    const view = { ...rejected, pickupPoint: { ...rejected.pickupPoint, contactPhone: '0571-88886666' } };
    expect(formFromApplication(view).contactPhone).toBe('0571-88886666');
  });
});

describe('serverErrorsToFields', () => {
  it('maps validation field paths (nested pickup point too) onto the form', () => {
    expect(
      serverErrorsToFields('VALIDATION_FAILED', '请求参数不正确', [
        { field: 'phone', errors: ['手机号格式不正确'] },
        { field: 'pickupPoint.address', errors: ['长度过短', '必须是字符串'] },
        { field: 'pickupPoint.latitude', errors: ['数值过大'] },
        { field: 'pickupPoint', errors: ['不能为空'] },
      ]),
    ).toEqual({ phone: '手机号格式不正确', address: '长度过短；必须是字符串', location: '数值过大' });
  });

  it('puts business codes at their field', () => {
    expect(
      serverErrorsToFields(ErrorCode.UPLOAD_URL_INVALID, '自提点照片无效，请重新上传', undefined),
    ).toEqual({
      photoUrl: '自提点照片无效，请重新上传',
    });
    expect(serverErrorsToFields(ErrorCode.LEADER_INVITE_CODE_INVALID, '邀请码无效', undefined)).toEqual({
      inviteCode: '邀请码无效',
    });
    expect(serverErrorsToFields(ErrorCode.LEADER_AGREEMENT_OUTDATED, '协议已更新', undefined)).toEqual({
      agreementAccepted: '协议已更新',
    });
  });

  it('returns null for errors that are not about a field', () => {
    expect(serverErrorsToFields(ErrorCode.LEADER_ALREADY_EXISTS, '已申请', undefined)).toBeNull();
    expect(
      serverErrorsToFields('VALIDATION_FAILED', 'x', [{ field: 'extra', errors: ['不允许的字段'] }]),
    ).toBeNull();
  });
});

describe('normalizeInviteCode', () => {
  it('upper-cases and drops whitespace', () => {
    expect(normalizeInviteCode(' ab cd\t23 45 ')).toBe('ABCD2345');
  });
});
