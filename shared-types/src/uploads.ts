/**
 * Uploaded images. Files are stored behind a storage interface (local disk by default, served under
 * /uploads/…) so an object store can replace it.
 *
 * POST /api/app/uploads (member token) and POST /api/admin/uploads (staff token): multipart/form-data with
 * one field `file`; JPEG, PNG or WebP (checked by content, not by name), at most 5 MB → UploadedFile (201).
 * Wrong type: 400 UPLOAD_TYPE_NOT_ALLOWED; too large: 413 PAYLOAD_TOO_LARGE; no file: 400 UPLOAD_FILE_MISSING.
 */
export interface UploadedFile {
  /** Storage key, e.g. 2026/11/23/5f2c…e1.jpg */
  key: string;
  /** Where clients load it: /uploads/<key> (or the object store's URL). */
  url: string;
  contentType: string;
  size: number;
}

/**
 * POST /api/app/me/phone/wechat (member token) {code} → MemberProfile: the phone number from WeChat's
 * getPhoneNumber button (`e.detail.code`), resolved with the real phonenumber API. 503
 * AUTH_WECHAT_NOT_CONFIGURED without WeChat; 400 MEMBER_PHONE_CODE_INVALID for a bad code.
 */
export interface WechatPhoneRequest {
  code: string;
}

/** POST /api/app/me/phone (member token) {phone} → MemberProfile: a typed mainland mobile number. */
export interface TypedPhoneRequest {
  phone: string;
}
