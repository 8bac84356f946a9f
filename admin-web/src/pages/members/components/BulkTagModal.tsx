import { useEffect, useState } from 'react';
import { Alert, Button, Form, Modal, Result } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkTagRequest, BulkTagResponse } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { bulkRequest, targetLabel, type BulkTarget } from '../bulk-selection';
import { memberKeys } from '../service';
import { bulkResultText, bulkTag, tagKeys } from '../tags-service';
import { TagSelect } from './TagSelect';

interface Props {
  /** Who to act on; null = closed. */
  target: BulkTarget | null;
  action: BulkTagRequest['action'];
  onClose: () => void;
  /** After a successful run (e.g. to clear the ticked rows). */
  onDone: () => void;
}

const TITLES = { add: '批量打标签', remove: '批量移除标签' } as const;

/** 批量打标签 / 批量移除标签 for ticked rows or the whole filter result; shows what changed. */
export function BulkTagModal({ target, action, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ tagIds: number[] }>();
  const [result, setResult] = useState<BulkTagResponse | null>(null);
  const queryClient = useQueryClient();
  const { showError } = useApiFeedback();
  const open = target !== null;

  useEffect(() => {
    if (open) {
      form.resetFields();
      setResult(null);
    }
  }, [open, form]);

  const run = useMutation({
    mutationFn: (tagIds: number[]) => bulkTag(bulkRequest(target!, action, tagIds)),
    onSuccess: (response) => {
      setResult(response);
      onDone();
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
      void queryClient.invalidateQueries({ queryKey: tagKeys.groups });
    },
    onError: showError,
  });

  const wholeFilter = target?.by === 'filter';
  return (
    <Modal
      open={open}
      title={TITLES[action]}
      onCancel={onClose}
      footer={
        result ? (
          <Button type="primary" onClick={onClose} data-testid="bulk-tag-done">
            完成
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              取消
            </Button>,
            <Button
              key="ok"
              type="primary"
              danger={action === 'remove'}
              loading={run.isPending}
              onClick={() => form.submit()}
              data-testid="bulk-tag-submit"
            >
              {wholeFilter ? `确认对 ${target.totalLabel} 人操作` : '确定'}
            </Button>,
          ]
        )
      }
    >
      {result ? (
        // Result does not pass data-* attributes on, hence the wrapper.
        <div data-testid="bulk-tag-result">
          <Result
            status={result.matched === 0 ? 'info' : 'success'}
            title={action === 'add' ? '打标签完成' : '移除完成'}
            subTitle={bulkResultText(action, result)}
            style={{ padding: '16px 0' }}
          />
        </div>
      ) : (
        target && (
          <>
            <Alert
              type={wholeFilter ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              message={`将对${targetLabel(target)}${action === 'add' ? '打上' : '移除'}所选标签`}
              description={
                wholeFilter
                  ? '按当前筛选条件操作，包括未在本页显示的会员；已有（或没有）该标签的会员不受影响。'
                  : undefined
              }
              data-testid="bulk-tag-target"
            />
            <Form
              form={form}
              layout="vertical"
              name="bulk-tag-form"
              onFinish={({ tagIds }) => run.mutate(tagIds)}
            >
              <Form.Item
                name="tagIds"
                label="标签"
                rules={[{ required: true, message: '请至少选择 1 个标签' }]}
              >
                <TagSelect
                  purpose="assign"
                  mode="multiple"
                  placeholder="选择标签（可多选）"
                  data-testid="bulk-tag-select"
                />
              </Form.Item>
            </Form>
          </>
        )
      )}
    </Modal>
  );
}
