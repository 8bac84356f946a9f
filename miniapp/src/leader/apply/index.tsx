import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ErrorCode, LeaderStatus, type LeaderAgreement } from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { ensureLogin, login } from '@/services/auth';
import { ApiError, showErrorToast } from '@/services/request';
import { fetchLeaderAgreement, fetchMyApplication, submitApplication } from '@/services/leaders';
import { firstInviteCode, type QueryLike } from '@/utils/invite-code';
import {
  EMPTY_APPLICATION_FORM,
  formFromApplication,
  hasErrors,
  serverErrorsToFields,
  toApplicationRequest,
  validateApplication,
  type ApplicationErrors,
  type ApplicationField,
  type ApplicationForm,
} from '@/utils/leader-application';
import { FieldShell, TextField } from '../components/form-field';
import { SkeletonCard } from '../components/skeleton-card';
import { AgreementSheet } from './agreement-sheet';
import { LocationField } from './location-field';
import { PhotoField } from './photo-field';
import './index.scss';

type Phase = 'loading' | 'ready' | 'error' | 'signed-out';

const STATUS_URL = '/leader/status/index';

/**
 * Shows 申请进度 after submitting. Coming from it (重新申请) we go back, so the page stack holds one status
 * page (it reloads on show); otherwise this form is replaced by it.
 */
function showStatus(): void {
  const pages = Taro.getCurrentPages();
  const previous = pages.length >= 2 ? pages[pages.length - 2] : undefined;
  if (previous?.route?.includes(STATUS_URL.slice(1))) void Taro.navigateBack();
  else void Taro.redirectTo({ url: STATUS_URL });
}

function launchQuery(): QueryLike {
  try {
    return Taro.getLaunchOptionsSync().query as QueryLike;
  } catch {
    return null; // H5 and some runtimes have no launch options
  }
}

/** The form's fields in screen order, with the element to scroll to when one is wrong. */
const FIELD_ANCHORS: [ApplicationField, string][] = [
  ['name', 'apply-name'],
  ['phone', 'apply-phone'],
  ['pickupName', 'apply-pickup-name'],
  ['address', 'apply-address'],
  ['location', 'apply-address'],
  ['openingHours', 'apply-hours'],
  ['contactPhone', 'apply-contact-phone'],
  ['photoUrl', 'apply-photo'],
  ['inviteCode', 'apply-invite'],
  ['agreementAccepted', 'apply-agree'],
];

function scrollToFirstError(errors: ApplicationErrors): void {
  const first = FIELD_ANCHORS.find(([field]) => errors[field]);
  if (!first) return;
  // Leave room above the field for its label row; failures (old base library) just leave the page as is.
  Taro.pageScrollTo({ selector: `#${first[1]}`, offsetTop: -60, duration: 200 }).catch(() => undefined);
}

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : '加载失败，请稍后重试';
}

export default function LeaderApplyPage() {
  // The entry query (share link / mini-program code) is read once; it does not change while the page lives.
  const entryQuery = useRef(useRouter().params as QueryLike);
  const [phase, setPhase] = useState<Phase>('loading');
  const [loadError, setLoadError] = useState('');
  const [agreement, setAgreement] = useState<LeaderAgreement | null>(null);
  const [form, setForm] = useState<ApplicationForm>(EMPTY_APPLICATION_FORM);
  const [errors, setErrors] = useState<ApplicationErrors>({});
  const [reapplying, setReapplying] = useState(false);
  /** The recruiter named on the rejected application (the view carries the name, not their code). */
  const [previousUpline, setPreviousUpline] = useState<string | null>(null);
  const [rejectReason, setRejectReason] = useState<string | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [photoUploading, setPhotoUploading] = useState(false);

  const load = useCallback(async () => {
    setPhase('loading');
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return;
      }
      const [terms, mine] = await Promise.all([fetchLeaderAgreement(), fetchMyApplication()]);
      if (mine && mine.status !== LeaderStatus.REJECTED) {
        // Pending, active or suspended: there is nothing to apply for; show where things stand.
        showStatus();
        return;
      }
      const inviteCode = firstInviteCode(entryQuery.current, launchQuery()) ?? '';
      setAgreement(terms);
      setReapplying(mine !== null);
      setPreviousUpline(mine?.uplineName ?? null);
      setRejectReason(mine?.statusReason ?? null);
      setForm(
        mine
          ? { ...formFromApplication(mine), inviteCode }
          : { ...EMPTY_APPLICATION_FORM, phone: member.phone ?? '', inviteCode },
      );
      setErrors({});
      setPhase('ready');
    } catch (caught) {
      setLoadError(errorText(caught));
      setPhase('error');
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const update = useCallback(<K extends keyof ApplicationForm>(key: K, value: ApplicationForm[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }));
    // Typing in a field clears its complaint; the next submit re-checks everything.
    const field: ApplicationField = key === 'latitude' || key === 'longitude' ? 'location' : key;
    setErrors((previous) => {
      if (!previous[field]) return previous;
      const next = { ...previous };
      delete next[field];
      return next;
    });
  }, []);

  const submit = useCallback(async () => {
    if (!agreement || submitting) return;
    if (photoUploading) {
      showErrorToast('照片还在上传，请稍候');
      return;
    }
    const found = validateApplication(form);
    setErrors(found);
    if (hasErrors(found)) {
      showErrorToast('请按提示修改标红的信息');
      scrollToFirstError(found);
      return;
    }
    setSubmitting(true);
    try {
      await submitApplication(toApplicationRequest(form, agreement.version));
      void Taro.showToast({ title: '申请已提交', icon: 'success', duration: 1500 });
      showStatus();
    } catch (caught) {
      if (!(caught instanceof ApiError)) {
        showErrorToast('提交失败，请稍后重试');
        return;
      }
      if (caught.code === ErrorCode.LEADER_ALREADY_EXISTS) {
        showErrorToast(caught.message);
        showStatus();
        return;
      }
      if (caught.code === ErrorCode.LEADER_AGREEMENT_OUTDATED) {
        // The agreement changed while the form was open: show the new one and ask for consent again.
        const fresh = await fetchLeaderAgreement().catch(() => null);
        if (fresh) setAgreement(fresh);
        setForm((previous) => ({ ...previous, agreementAccepted: false }));
      }
      const atFields = serverErrorsToFields(caught.code, caught.message, caught.fields);
      if (atFields) {
        setErrors(atFields);
        scrollToFirstError(atFields);
      }
      showErrorToast(caught.message);
    } finally {
      setSubmitting(false);
    }
  }, [agreement, form, submitting, photoUploading]);

  if (phase === 'loading') {
    return (
      <View className="apply-page" id="apply-loading">
        <SkeletonCard lines={[30, 80, 60]} />
        <SkeletonCard lines={[30, 70, 80, 60, 50]} />
      </View>
    );
  }

  if (phase === 'signed-out' || phase === 'error') {
    return (
      <View className="apply-page">
        <View className="apply-card">
          {phase === 'signed-out' ? (
            <StateView
              id="apply-signed-out"
              illustration="person"
              title="登录后申请成为团长"
              description="团长在小区开设自提点，带邻居一起拼团，赚取佣金"
              actionText="登录"
              actionId="apply-login"
              onAction={() => void login().then(load, (e: unknown) => showErrorToast(errorText(e)))}
            />
          ) : (
            <StateView
              id="apply-error"
              illustration="alert"
              title="加载失败"
              description={loadError}
              actionText="重试"
              actionId="apply-retry"
              onAction={() => void load()}
            />
          )}
        </View>
      </View>
    );
  }

  return (
    <View className="apply-page" id="apply-form">
      <View className="apply-intro">
        <Text className="apply-intro__title">{reapplying ? '修改资料，重新申请' : '成为邻里团长'}</Text>
        {rejectReason ? (
          <Text className="apply-intro__desc" id="apply-reject-reason">
            上次未通过的原因：{rejectReason}
          </Text>
        ) : (
          <Text className="apply-intro__desc">
            在你的小区开一个自提点，邻居下单后到你这里取货，每单都有佣金。提交后工作人员会尽快审核。
          </Text>
        )}
      </View>

      <View className="apply-card">
        <Text className="apply-card__title">个人信息</Text>
        <TextField
          id="apply-name"
          label="真实姓名"
          required
          value={form.name}
          placeholder="与身份证一致"
          maxlength={32}
          error={errors.name}
          onChange={(v) => update('name', v)}
        />
        <TextField
          id="apply-phone"
          label="手机号"
          required
          type="number"
          value={form.phone}
          placeholder="11 位手机号"
          maxlength={11}
          error={errors.phone}
          onChange={(v) => update('phone', v)}
        />
      </View>

      <View className="apply-card">
        <Text className="apply-card__title">自提点</Text>
        <TextField
          id="apply-pickup-name"
          label="自提点名称"
          required
          value={form.pickupName}
          placeholder="如：翠苑一区自提点"
          maxlength={40}
          error={errors.pickupName}
          onChange={(v) => update('pickupName', v)}
        />
        <LocationField form={form} errors={errors} onChange={update} />
        <TextField
          id="apply-hours"
          label="营业时间"
          required
          value={form.openingHours}
          placeholder="如：每天 08:00–21:00"
          maxlength={40}
          error={errors.openingHours}
          onChange={(v) => update('openingHours', v)}
        />
        <TextField
          id="apply-contact-phone"
          label="联系电话"
          value={form.contactPhone}
          placeholder={form.phone ? `默认 ${form.phone}` : '默认同手机号'}
          maxlength={20}
          error={errors.contactPhone}
          hint="顾客取货时联系的电话，不填则用手机号"
          onChange={(v) => update('contactPhone', v)}
        />
        <PhotoField
          value={form.photoUrl}
          error={errors.photoUrl}
          onChange={(url) => update('photoUrl', url)}
          onUploadingChange={setPhotoUploading}
        />
      </View>

      <View className="apply-card">
        <Text className="apply-card__title">推荐团长</Text>
        <TextField
          id="apply-invite"
          label="邀请码"
          value={form.inviteCode}
          placeholder="选填，推荐你的团长的邀请码"
          maxlength={16}
          error={errors.inviteCode}
          hint={
            previousUpline && !form.inviteCode
              ? `上次的推荐团长是${previousUpline}，如需保留请再次填写其邀请码`
              : undefined
          }
          onChange={(v) => update('inviteCode', v)}
        />
      </View>

      <View className="apply-agree">
        <FieldShell label="" error={errors.agreementAccepted} errorId="apply-agree-error">
          <View className="apply-agree__row">
            <View
              id="apply-agree"
              className={`apply-agree__box${form.agreementAccepted ? ' apply-agree__box--checked' : ''}`}
              onClick={() => update('agreementAccepted', !form.agreementAccepted)}
            />
            <Text
              className="apply-agree__text"
              onClick={() => update('agreementAccepted', !form.agreementAccepted)}
            >
              我已阅读并同意
            </Text>
            <Text className="apply-agree__link" id="apply-agreement-link" onClick={() => setSheetOpen(true)}>
              《团长合作协议》
            </Text>
          </View>
        </FieldShell>
      </View>

      <View className="apply-actions">
        <View
          id="apply-submit"
          className={`btn btn--primary btn--block${submitting ? ' apply-actions__busy' : ''}`}
          onClick={() => void submit()}
        >
          {submitting ? '提交中…' : reapplying ? '重新提交申请' : '提交申请'}
        </View>
      </View>

      {sheetOpen && agreement ? (
        <AgreementSheet
          agreement={agreement}
          onClose={() => setSheetOpen(false)}
          onAccept={() => {
            update('agreementAccepted', true);
            setSheetOpen(false);
          }}
        />
      ) : null}
    </View>
  );
}
