import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { showErrorToast } from '@/services/request';
import { type ApplicationErrors, type ApplicationForm } from '@/utils/leader-application';
import { FieldShell, TextField } from '../components/form-field';

interface LocationFieldProps {
  form: ApplicationForm;
  errors: ApplicationErrors;
  onChange: <K extends keyof ApplicationForm>(key: K, value: ApplicationForm[K]) => void;
}

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** "浙江省杭州市西湖区文三路 100 号（翠苑一区）": the POI name helps the courier when the address lacks it. */
function addressOf(result: Taro.chooseLocation.SuccessCallbackResult): string {
  const address = result.address.trim();
  const name = result.name.trim();
  if (!name || address.includes(name)) return address || name;
  return address ? `${address}（${name}）` : name;
}

/**
 * 地址 plus coordinates. In WeChat the leader picks the spot on a map (Taro.chooseLocation fills both);
 * the H5 build has no map, so the address is typed and the coordinates are optional fields.
 */
export function LocationField({ form, errors, onChange }: LocationFieldProps) {
  const chooseOnMap = useCallback(async () => {
    try {
      const result = await Taro.chooseLocation({});
      onChange('address', addressOf(result));
      onChange('latitude', result.latitude.toFixed(6));
      onChange('longitude', result.longitude.toFixed(6));
    } catch (caught) {
      const message =
        caught instanceof Error ? caught.message : String((caught as { errMsg?: string })?.errMsg);
      if (!/cancel/i.test(message)) showErrorToast('无法打开地图，请检查定位权限后重试');
    }
  }, [onChange]);

  const located = form.latitude !== '' && form.longitude !== '';

  return (
    <View>
      <TextField
        id="apply-address"
        label="地址"
        required
        value={form.address}
        placeholder="小区、楼栋、门牌号"
        maxlength={120}
        error={errors.address}
        onChange={(v) => onChange('address', v)}
      />
      {IS_WEAPP ? (
        <FieldShell label="地图位置" error={errors.location} errorId="apply-location-error">
          <View className="apply-location">
            <Text className={`apply-location__coords${located ? '' : ' apply-location__coords--empty'}`}>
              {located ? `${form.latitude}, ${form.longitude}` : '未选择'}
            </Text>
            <View
              id="apply-choose-location"
              className="apply-location__btn"
              onClick={() => void chooseOnMap()}
            >
              选择位置
            </View>
          </View>
        </FieldShell>
      ) : (
        <View>
          <TextField
            id="apply-latitude"
            label="纬度"
            type="digit"
            value={form.latitude}
            placeholder="选填，如 30.274100"
            maxlength={12}
            error={errors.location}
            onChange={(v) => onChange('latitude', v)}
          />
          <TextField
            id="apply-longitude"
            label="经度"
            type="digit"
            value={form.longitude}
            placeholder="选填，如 120.155100"
            maxlength={13}
            hint="填写后顾客可按距离找到你的自提点"
            onChange={(v) => onChange('longitude', v)}
          />
        </View>
      )}
    </View>
  );
}
