import {
  ErrorCode,
  type FieldError,
  type LeaderApplicationRequest,
  type LeaderApplicationView,
} from '@linli/shared-types';

/**
 * The 申请成为团长 form as the page holds it (strings, as typed), its validation and its conversion into
 * the request. Platform-free, so the rules are unit tested; they mirror the server's DTO rules so that
 * the applicant sees the hint at the field before submitting.
 */

export interface ApplicationForm {
  name: string;
  phone: string;
  pickupName: string;
  address: string;
  /** Typed on H5 or filled by Taro.chooseLocation on weapp; '' when unknown. */
  latitude: string;
  longitude: string;
  openingHours: string;
  /** '' means "same as 手机号". */
  contactPhone: string;
  /** URL of the uploaded 自提点照片 (from POST /api/app/uploads); '' when none. */
  photoUrl: string;
  inviteCode: string;
  agreementAccepted: boolean;
}

export type ApplicationField = Exclude<keyof ApplicationForm, 'latitude' | 'longitude'> | 'location';
export type ApplicationErrors = Partial<Record<ApplicationField, string>>;

export const EMPTY_APPLICATION_FORM: ApplicationForm = {
  name: '',
  phone: '',
  pickupName: '',
  address: '',
  latitude: '',
  longitude: '',
  openingHours: '',
  contactPhone: '',
  photoUrl: '',
  inviteCode: '',
  agreementAccepted: false,
};

const MOBILE = /^1[3-9]\d{9}$/;
/** Mobile, or a landline with area code and optional extension: 0571-88886666-123 (as the server). */
const CONTACT_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
/** Invite codes are 8 upper-case letters/digits (no look-alikes, but we let the server judge those). */
const INVITE_CODE = /^[A-Z0-9]{8}$/;

/** Length in characters as a person counts them (an emoji or a rare hanzi is one). */
function charCount(value: string): number {
  return Array.from(value).length;
}

function lengthHint(value: string, min: number, max: number, what: string): string | undefined {
  const n = charCount(value.trim());
  if (n === 0) return `请填写${what}`;
  if (n < min || n > max) return min === max ? `${what}需为 ${min} 个字` : `${what}需为 ${min}–${max} 个字`;
  return undefined;
}

export function normalizeInviteCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function parseCoordinate(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

function locationHint(form: ApplicationForm): string | undefined {
  const lat = parseCoordinate(form.latitude);
  const lng = parseCoordinate(form.longitude);
  if (lat === undefined || lng === undefined) return '经纬度需为数字，如 30.2741';
  if ((lat === null) !== (lng === null)) return '纬度和经度需同时填写，或都不填';
  if (lat !== null && (lat < -90 || lat > 90)) return '纬度需在 -90 到 90 之间';
  if (lng !== null && (lng < -180 || lng > 180)) return '经度需在 -180 到 180 之间';
  return undefined;
}

/** Chinese hints per field; an empty object means the form may be submitted. */
export function validateApplication(form: ApplicationForm): ApplicationErrors {
  const errors: ApplicationErrors = {};
  errors.name = lengthHint(form.name, 2, 32, '真实姓名');
  const phone = form.phone.trim();
  if (!phone) errors.phone = '请填写手机号';
  else if (!MOBILE.test(phone)) errors.phone = '请输入 11 位手机号';
  errors.pickupName = lengthHint(form.pickupName, 2, 40, '自提点名称');
  errors.address = lengthHint(form.address, 5, 120, '地址');
  errors.location = locationHint(form);
  errors.openingHours = lengthHint(form.openingHours, 1, 40, '营业时间');
  const contact = form.contactPhone.trim();
  if (contact && !CONTACT_PHONE.test(contact))
    errors.contactPhone = '请输入手机号或带区号的座机号，如 0571-88886666';
  const invite = normalizeInviteCode(form.inviteCode);
  if (invite && !INVITE_CODE.test(invite)) errors.inviteCode = '邀请码为 8 位字母或数字';
  if (!form.agreementAccepted) errors.agreementAccepted = '请先阅读并同意《团长合作协议》';
  for (const key of Object.keys(errors) as ApplicationField[]) {
    if (errors[key] === undefined) delete errors[key];
  }
  return errors;
}

export function hasErrors(errors: ApplicationErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The request body; call only on a form that passed `validateApplication`. */
export function toApplicationRequest(
  form: ApplicationForm,
  agreementVersion: string,
): LeaderApplicationRequest {
  const phone = form.phone.trim();
  const invite = normalizeInviteCode(form.inviteCode);
  const body: LeaderApplicationRequest = {
    name: form.name.trim(),
    phone,
    pickupPoint: {
      name: form.pickupName.trim(),
      address: form.address.trim(),
      latitude: parseCoordinate(form.latitude) ?? null,
      longitude: parseCoordinate(form.longitude) ?? null,
      openingHours: form.openingHours.trim(),
      contactPhone: form.contactPhone.trim() || phone,
      photoUrl: form.photoUrl || null,
    },
    agreementVersion,
    agreementAccepted: form.agreementAccepted,
  };
  if (invite) body.inviteCode = invite;
  return body;
}

/** A rejected application, prefilled for 重新申请 (the agreement must be accepted again). */
export function formFromApplication(view: LeaderApplicationView): ApplicationForm {
  const point = view.pickupPoint;
  return {
    name: view.name,
    phone: view.phone,
    pickupName: point.name,
    address: point.address,
    latitude: point.latitude === null ? '' : String(point.latitude),
    longitude: point.longitude === null ? '' : String(point.longitude),
    openingHours: point.openingHours ?? '',
    contactPhone: point.contactPhone && point.contactPhone !== view.phone ? point.contactPhone : '',
    photoUrl: point.photoUrl ?? '',
    inviteCode: '',
    agreementAccepted: false,
  };
}

const SERVER_FIELD_MAP: Record<string, ApplicationField> = {
  name: 'name',
  phone: 'phone',
  'pickupPoint.name': 'pickupName',
  'pickupPoint.address': 'address',
  'pickupPoint.latitude': 'location',
  'pickupPoint.longitude': 'location',
  'pickupPoint.openingHours': 'openingHours',
  'pickupPoint.contactPhone': 'contactPhone',
  'pickupPoint.photoUrl': 'photoUrl',
  inviteCode: 'inviteCode',
  agreementAccepted: 'agreementAccepted',
  agreementVersion: 'agreementAccepted',
};

/**
 * Places a server rejection at the fields it concerns: `fields` of a 400 VALIDATION_FAILED, or the
 * business codes that belong to one field. Returns null when the error is not about a field.
 */
export function serverErrorsToFields(
  code: string,
  message: string,
  fields: FieldError[] | undefined,
): ApplicationErrors | null {
  if (fields && fields.length > 0) {
    const errors: ApplicationErrors = {};
    for (const field of fields) {
      const key = SERVER_FIELD_MAP[field.field] ?? SERVER_FIELD_MAP[field.field.split('.')[0]];
      if (key && !errors[key]) errors[key] = field.errors.join('；');
    }
    return hasErrors(errors) ? errors : null;
  }
  if (code === ErrorCode.LEADER_INVITE_CODE_INVALID) return { inviteCode: message };
  if (code === ErrorCode.UPLOAD_URL_INVALID) return { photoUrl: message };
  if (code === ErrorCode.LEADER_AGREEMENT_NOT_ACCEPTED || code === ErrorCode.LEADER_AGREEMENT_OUTDATED) {
    return { agreementAccepted: message };
  }
  return null;
}
