import { useState } from 'react';
import { Button, Card, Flex, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberDetail, TagChip } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { memberKeys } from '../service';
import { addMemberTags, removeMemberTag, tagKeys } from '../tags-service';
import { TagChips } from './TagChips';
import { TagSelect } from './TagSelect';

interface Props {
  member: MemberDetail;
  canWrite: boolean;
}

/** 标签 on the member detail: chips (× removes) and a picker to add manual tags. */
export function MemberTagsCard({ member, canWrite }: Props) {
  const queryClient = useQueryClient();
  const { message, showError } = useApiFeedback();
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);

  const afterChange = (detail: MemberDetail) => {
    queryClient.setQueryData(memberKeys.detail(member.id), detail);
    void queryClient.invalidateQueries({ queryKey: ['members', 'list'] });
    void queryClient.invalidateQueries({ queryKey: tagKeys.groups });
  };
  const add = useMutation({
    mutationFn: (tagIds: number[]) => addMemberTags(member.id, tagIds),
    onSuccess: (detail) => {
      afterChange(detail);
      void message.success('标签已添加');
      setPicked([]);
      setAdding(false);
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (tag: TagChip) => removeMemberTag(member.id, tag.id),
    onSuccess: (detail, tag) => {
      afterChange(detail);
      void message.success(`已移除标签「${tag.name}」`);
    },
    onError: showError,
  });

  return (
    <Card
      title={`标签（${member.tags.length}）`}
      variant="borderless"
      style={{ height: '100%' }}
      data-testid="member-tags-card"
      extra={
        canWrite &&
        !adding && (
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="member-tag-add"
          >
            添加标签
          </Button>
        )
      }
    >
      <TagChips
        tags={member.tags}
        empty="还没有标签"
        onRemove={canWrite ? (tag) => remove.mutate(tag) : undefined}
      />
      {adding && (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <TagSelect
            purpose="assign"
            mode="multiple"
            value={picked}
            onChange={setPicked}
            excludeIds={member.tags.map((t) => t.id)}
            placeholder="选择要添加的标签"
            style={{ minWidth: 260, flex: 1 }}
            data-testid="member-tag-picker"
          />
          <Space>
            <Button
              type="primary"
              disabled={picked.length === 0}
              loading={add.isPending}
              onClick={() => add.mutate(picked)}
              data-testid="member-tag-add-submit"
            >
              添加
            </Button>
            <Button
              onClick={() => {
                setAdding(false);
                setPicked([]);
              }}
            >
              取消
            </Button>
          </Space>
        </Flex>
      )}
    </Card>
  );
}
