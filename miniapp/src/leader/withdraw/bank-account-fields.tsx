import { View } from '@tarojs/components';
import { type BankAccountForm, type WithdrawErrors } from '@/utils/withdraw-form';
import { TextField } from '../components/form-field';

/** 开户人, 开户银行, 银行卡号 of a bank payout; checked by utils/withdraw-form before submitting. */
export function BankAccountFields({
  bank,
  errors,
  onChange,
}: {
  bank: BankAccountForm;
  errors: WithdrawErrors;
  onChange: (field: keyof BankAccountForm, value: string) => void;
}) {
  return (
    <View className="wd-bank" id="withdraw-bank">
      <TextField
        id="withdraw-bank-holder"
        label="开户人"
        required
        value={bank.holder}
        placeholder="与银行卡一致的姓名"
        maxlength={32}
        error={errors.holder}
        onChange={(value) => onChange('holder', value)}
      />
      <TextField
        id="withdraw-bank-name"
        label="开户银行"
        required
        value={bank.bankName}
        placeholder="如 招商银行杭州分行"
        maxlength={40}
        error={errors.bankName}
        onChange={(value) => onChange('bankName', value)}
      />
      <TextField
        id="withdraw-bank-account"
        label="银行卡号"
        required
        type="number"
        value={bank.accountNo}
        placeholder="12–30 位数字"
        maxlength={30}
        error={errors.accountNo}
        onChange={(value) => onChange('accountNo', value)}
      />
    </View>
  );
}
