import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type Tag, type TagGroup, type TagInput } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { memberKeys } from '../service';
import { createTag, tagKeys, updateTag } from '../tags-service';
import { TagColorPicker } from './TagColorPicker';

interface Props {
  open: boolean;
  groups: TagGroup[];
  /** Editing this tag; null creates one in `groupId`. */
  tag: Tag | null;
  groupId: number | null;
  onClose: () => void;
}

const CODE_TO_FIELD = {
  [ErrorCode.TAG_DUPLICATE]: 'name',
  [ErrorCode.TAG_GROUP_NOT_FOUND]: 'groupId',
};

export function TagModal({ open, groups, tag, groupId, onClose }: Props) {
  const [form] = Form.useForm<TagInput>();
  const name = Form.useWatch('name', form);
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      tag
        ? { groupId: tag.groupId, name: tag.name, color: tag.color }
        : { groupId: groupId ?? undefined, name: '', color: 'blue' },
    );
  }, [open, tag, groupId, form]);

  const save = useMutation({
    mutationFn: (values: TagInput) => (tag ? updateTag(tag.id, values) : createTag(values)),
    onSuccess: () => {
      void message.success(tag ? '标签已保存' : '标签已创建');
      void queryClient.invalidateQueries({ queryKey: tagKeys.groups });
      // Chips on member rows show the name and colour.
      if (tag) void queryClient.invalidateQueries({ queryKey: memberKeys.all });
      onClose();
    },
    onError: (error) => showFormError(form, error, ['groupId', 'name', 'color'], CODE_TO_FIELD),
  });

  return (
    <Modal
      open={open}
      title={tag ? '编辑标签' : '新建标签'}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'tag-submit' } }}
      width={520}
    >
      <Form form={form} layout="vertical" name="tag-form" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="groupId" label="所属标签组" rules={[{ required: true, message: '请选择标签组' }]}>
          <Select
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            placeholder="选择标签组"
            data-testid="tag-group-select"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="标签名"
          rules={[
            { required: true, whitespace: true, message: '请输入标签名' },
            { max: 16, message: '标签名最长 16 个字' },
          ]}
        >
          <Input placeholder="如：爱生鲜、宝妈" maxLength={16} showCount data-testid="tag-name" />
        </Form.Item>
        <Form.Item name="color" label="颜色" rules={[{ required: true, message: '请选择颜色' }]}>
          <TagColorPicker previewText={name} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
