import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type CategoryInput, type CategoryView } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { nextSortOrder } from '../category-tree';
import { catalogKeys, createCategory, updateCategory } from '../service';

export interface CategoryEditing {
  /** The category being edited; null creates one. */
  category: CategoryView | null;
  /** For a new category: its parent (null = top category). */
  parentId: number | null;
}

interface Props {
  editing: CategoryEditing | null;
  all: CategoryView[];
  onClose: () => void;
}

interface FormValues {
  name: string;
  parentId: number | null;
  sortOrder: number;
}

const FORM_FIELDS = ['name', 'parentId', 'sortOrder'];
const CODE_TO_FIELD = { [ErrorCode.CATEGORY_DUPLICATE]: 'name' };
const TOP = 0; // Select cannot hold null as an option value

export function CategoryModal({ editing, all, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const category = editing?.category ?? null;
  const hasChildren = category !== null && all.some((c) => c.parentId === category.id);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    const parentId = editing.category ? editing.category.parentId : editing.parentId;
    form.setFieldsValue({
      name: editing.category?.name ?? '',
      parentId: parentId ?? TOP,
      sortOrder: editing.category?.sortOrder ?? nextSortOrder(all, parentId),
    });
  }, [editing, all, form]);

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const input: CategoryInput = {
        name: values.name.trim(),
        parentId: values.parentId === TOP ? null : values.parentId,
        sortOrder: values.sortOrder,
      };
      return category ? updateCategory(category.id, input) : createCategory(input);
    },
    onSuccess: (saved) => {
      void message.success(category ? `已保存「${saved.name}」` : `已创建「${saved.name}」`);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.categories });
      onClose();
    },
    onError: (error) => showFormError(form, error, FORM_FIELDS, CODE_TO_FIELD),
  });

  const parentOptions = [
    { value: TOP, label: '无（作为一级分类）' },
    ...all
      .filter((c) => c.parentId === null && c.id !== category?.id)
      .map((c) => ({ value: c.id, label: c.name })),
  ];

  return (
    <Modal
      open={editing !== null}
      title={category ? `编辑分类 · ${category.name}` : '新建分类'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'category-submit' } }}
      forceRender
      maskClosable={false}
      width={480}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => save.mutate(values)}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="name"
          label="分类名称"
          rules={[
            { required: true, whitespace: true, message: '请输入分类名称' },
            { max: 16, message: '分类名称最长 16 个字' },
          ]}
        >
          <Input placeholder="如：时令水果" maxLength={16} showCount data-testid="category-name" />
        </Form.Item>
        <Form.Item
          name="parentId"
          label="上级分类"
          extra={hasChildren ? '此分类下还有子分类，不能移到其他分类下（只支持两级）' : '只支持两级分类'}
        >
          <Select options={parentOptions} disabled={hasChildren} data-testid="category-parent" />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label="排序"
          tooltip="数字越小越靠前"
          rules={[{ required: true, message: '请输入排序' }]}
        >
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
