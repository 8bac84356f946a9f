import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type TagGroup, type TagGroupInput } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { createTagGroup, tagKeys, updateTagGroup } from '../tags-service';

interface Props {
  open: boolean;
  /** Renaming this group; null creates one. */
  group: TagGroup | null;
  onClose: () => void;
}

const CODE_TO_FIELD = { [ErrorCode.TAG_GROUP_DUPLICATE]: 'name' };

export function TagGroupModal({ open, group, onClose }: Props) {
  const [form] = Form.useForm<TagGroupInput>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();

  useEffect(() => {
    if (open) form.setFieldsValue({ name: group?.name ?? '', sort: group?.sort ?? 0 });
  }, [open, group, form]);

  const save = useMutation({
    mutationFn: (values: TagGroupInput) =>
      group ? updateTagGroup(group.id, values) : createTagGroup(values),
    onSuccess: () => {
      void message.success(group ? '标签组已保存' : '标签组已创建');
      void queryClient.invalidateQueries({ queryKey: tagKeys.groups });
      onClose();
    },
    onError: (error) => showFormError(form, error, ['name', 'sort'], CODE_TO_FIELD),
  });

  return (
    <Modal
      open={open}
      title={group ? '编辑标签组' : '新建标签组'}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'tag-group-submit' } }}
    >
      <Form form={form} layout="vertical" name="tag-group-form" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="name"
          label="组名"
          rules={[
            { required: true, whitespace: true, message: '请输入组名' },
            { max: 16, message: '组名最长 16 个字' },
          ]}
        >
          <Input placeholder="如：消费能力、偏好" maxLength={16} showCount data-testid="tag-group-name" />
        </Form.Item>
        <Form.Item name="sort" label="排序" tooltip="数字越小越靠前">
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
