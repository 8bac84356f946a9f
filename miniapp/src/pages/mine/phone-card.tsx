import { useCallback, useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type MemberProfile } from '@linli/shared-types';
import { bindTypedPhone, bindWechatPhone } from '@/services/phone';
import { ApiError, showErrorToast } from '@/services/request';
import { maskPhone } from '@/utils/display';
import { mobileInputHint, normalizeMobileInput } from '@/utils/phone';
import './phone-card.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

function failureText(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : '保存失败，请稍后重试';
}

function PhoneValue({ phone }: { phone: string | null }) {
  return (
    <Text className={`phone-card__value${phone ? '' : ' phone-card__value--empty'}`} id="mine-phone-value">
      {phone ? maskPhone(phone) : '未绑定'}
    </Text>
  );
}

/** H5 has no getPhoneNumber button: the number is typed into this sheet. */
function PhoneSheet({ initial, onClose }: { initial: string; onClose: () => void }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  // 我的 is a tab page: on H5 the tab bar would sit over the sheet's buttons, so it steps aside meanwhile.
  useEffect(() => {
    Taro.hideTabBar({ animation: false }).catch(() => undefined);
    return () => {
      Taro.showTabBar({ animation: false }).catch(() => undefined);
    };
  }, []);

  const save = useCallback(async () => {
    const hint = mobileInputHint(value);
    setError(hint);
    if (hint || saving) return;
    setSaving(true);
    try {
      await bindTypedPhone(normalizeMobileInput(value) ?? value);
      void Taro.showToast({ title: '手机号已保存', icon: 'success', duration: 1500 });
      onClose();
    } catch (caught) {
      setError(failureText(caught));
    } finally {
      setSaving(false);
    }
  }, [value, saving, onClose]);

  return (
    <View className="phone-sheet" id="mine-phone-sheet">
      <View className="phone-sheet__mask" onClick={onClose} />
      <View className="phone-sheet__panel">
        <Text className="phone-sheet__title">绑定手机号</Text>
        <Text className="phone-sheet__desc">团长通知取货、售后联系时使用，不会公开显示</Text>
        <View className={`phone-sheet__field${error ? ' phone-sheet__field--invalid' : ''}`}>
          <Text className="phone-sheet__prefix">+86</Text>
          <Input
            id="mine-phone-input"
            className="phone-sheet__input"
            type="number"
            maxlength={11}
            value={value}
            placeholder="11 位手机号"
            placeholderClass="phone-sheet__placeholder"
            focus
            onInput={(event) => {
              setValue(event.detail.value);
              setError(undefined);
            }}
            onConfirm={() => void save()}
          />
        </View>
        {error ? (
          <Text className="phone-sheet__error" id="mine-phone-error">
            {error}
          </Text>
        ) : null}
        <View className="phone-sheet__actions">
          <View className="btn btn--ghost phone-sheet__btn" id="mine-phone-cancel" onClick={onClose}>
            取消
          </View>
          <View
            className={`btn btn--primary phone-sheet__btn${saving ? ' phone-sheet__btn--busy' : ''}`}
            id="mine-phone-save"
            onClick={() => void save()}
          >
            {saving ? '保存中…' : '保存'}
          </View>
        </View>
      </View>
    </View>
  );
}

/**
 * 手机号 on 我的. In WeChat the row is a getPhoneNumber button (WeChat verifies the number, the server
 * resolves the code); on H5 it opens a sheet to type it. Shown masked once set.
 */
export function PhoneCard({ member }: { member: MemberProfile }) {
  const [sheetOpen, setSheetOpen] = useState(false);
  const [binding, setBinding] = useState(false);

  const onWechatPhone = useCallback(async (detail: { code?: string; errMsg?: string }) => {
    // No code: the member declined, or the account cannot use the phone API.
    if (!detail.code) {
      if (detail.errMsg && !/deny|cancel/i.test(detail.errMsg)) showErrorToast('获取手机号失败，请稍后重试');
      return;
    }
    setBinding(true);
    try {
      await bindWechatPhone(detail.code);
      void Taro.showToast({ title: '手机号已绑定', icon: 'success', duration: 1500 });
    } catch (caught) {
      showErrorToast(failureText(caught));
    } finally {
      setBinding(false);
    }
  }, []);

  const action = member.phone ? '更换' : '去绑定';
  const row = (
    <View className="phone-card__row">
      <Text className="phone-card__title">手机号</Text>
      <View className="phone-card__extra">
        <PhoneValue phone={member.phone} />
        <Text className="phone-card__action">{binding ? '绑定中…' : action}</Text>
      </View>
      <View className="phone-card__chevron" />
    </View>
  );

  return (
    <View className="mine-card mine-card--nav phone-card" id="mine-phone-row">
      {IS_H5 ? (
        <View onClick={() => setSheetOpen(true)}>{row}</View>
      ) : (
        <Button
          className="phone-card__button"
          openType="getPhoneNumber"
          disabled={binding}
          onGetPhoneNumber={(event) => void onWechatPhone(event.detail)}
        >
          {row}
        </Button>
      )}
      {sheetOpen ? <PhoneSheet initial={member.phone ?? ''} onClose={() => setSheetOpen(false)} /> : null}
    </View>
  );
}
