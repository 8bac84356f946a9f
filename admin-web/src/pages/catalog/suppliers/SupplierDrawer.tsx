import { useEffect } from 'react';
import { Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ErrorCode,
  SUPPLIER_SETTLEMENT_LABELS,
  type SupplierInput,
  type SupplierSettlement,
  type SupplierView,
} from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { catalogKeys, createSupplier, updateSupplier } from '../service';

interface Props {
  open: boolean;
  /** Editing this supplier; null creates one. */
  supplier: SupplierView | null;
  onClose: () => void;
}

type FormValues = Required<Pick<SupplierInput, 'name' | 'settlement' | 'status'>> & {
  contactName?: string;
  contactPhone?: string;
  address?: string;
  settlementNote?: string;
};

const FORM_FIELDS = [
  'name',
  'contactName',
  'contactPhone',
  'address',
  'settlement',
  'settlementNote',
  'status',
];
const CODE_TO_FIELD = { [ErrorCode.SUPPLIER_DUPLICATE]: 'name' };
const SETTLEMENT_OPTIONS = (Object.entries(SUPPLIER_SETTLEMENT_LABELS) as [SupplierSettlement, string][]).map(
  ([value, label]) => ({ value, label }),
);

const blankToNull = (v: string | undefined) => v?.trim() || null;

export function SupplierDrawer({ open, supplier, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      supplier
        ? {
            name: supplier.name,
            contactName: supplier.contactName ?? undefined,
            contactPhone: supplier.contactPhone ?? undefined,
            address: supplier.address ?? undefined,
            settlement: supplier.settlement,
            settlementNote: supplier.settlementNote ?? undefined,
            status: supplier.status,
          }
        : { settlement: 'monthly', status: 'active' },
    );
  }, [open, supplier, form]);

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const input: SupplierInput = {
        name: values.name.trim(),
        contactName: blankToNull(values.contactName),
        contactPhone: blankToNull(values.contactPhone),
        address: blankToNull(values.address),
        settlement: values.settlement,
        settlementNote: blankToNull(values.settlementNote),
        status: values.status,
      };
      return supplier ? updateSupplier(supplier.id, input) : createSupplier(input);
    },
    onSuccess: (saved) => {
      void message.success(supplier ? `已保存「${saved.name}」` : `已添加供应商「${saved.name}」`);
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'suppliers'] });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.supplierOptions });
      onClose();
    },
    onError: (error) => showFormError(form, error, FORM_FIELDS, CODE_TO_FIELD),
  });

  return (
    <Drawer
      open={open}
      title={supplier ? `编辑供应商 · ${supplier.name}` : '添加供应商'}
      width={480}
      onClose={onClose}
      forceRender
      destroyOnHidden={false}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="supplier-submit"
          >
            保存
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label="供应商名称"
          rules={[
            { required: true, whitespace: true, message: '请输入供应商名称' },
            { max: 40, message: '最长 40 个字' },
          ]}
        >
          <Input placeholder="如：海南绿源果业合作社" maxLength={40} data-testid="supplier-name" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="contactName" label="联系人" style={{ flex: 1, marginRight: 12 }}>
            <Input maxLength={20} placeholder="姓名" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label="联系电话"
            style={{ flex: 1 }}
            rules={[{ pattern: /^[\d\s+-]{5,20}$/, message: '请输入正确的电话' }]}
          >
            <Input maxLength={20} placeholder="手机或座机" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="address" label="地址">
          <Input maxLength={100} placeholder="发货或办公地址" />
        </Form.Item>
        <Form.Item name="settlement" label="结算方式" rules={[{ required: true, message: '请选择结算方式' }]}>
          <Select options={SETTLEMENT_OPTIONS} data-testid="supplier-settlement" />
        </Form.Item>
        <Form.Item name="settlementNote" label="结算说明" extra="收款账户、账期、备注等">
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="status" label="状态" extra="停用后不能再选给新商品，已关联的商品不受影响">
          <Radio.Group
            options={[
              { value: 'active', label: '合作中' },
              { value: 'disabled', label: '已停用' },
            ]}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
