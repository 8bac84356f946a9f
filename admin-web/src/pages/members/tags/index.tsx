import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  List,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Tag as AntTag,
  Tooltip,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, RobotOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TagKind, type Tag, type TagGroup } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { usePermission } from '../../../session/hooks';
import { memberKeys } from '../service';
import { deleteTag, deleteTagGroup, deleteTagWarning, fetchTagGroups, tagKeys } from '../tags-service';
import { TagGroupModal } from './TagGroupModal';
import { TagModal } from './TagModal';

type Editing =
  { kind: 'group'; group: TagGroup | null } | { kind: 'tag'; tag: Tag | null; groupId: number | null } | null;

/** 标签管理: tag groups with their tags and how many members carry each. */
export default function TagsPage() {
  const canWrite = usePermission('members.write');
  const [editing, setEditing] = useState<Editing>(null);
  const groups = useQuery({ queryKey: tagKeys.groups, queryFn: fetchTagGroups });

  const newGroup = canWrite && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setEditing({ kind: 'group', group: null })}
      data-testid="tag-group-create"
    >
      新建标签组
    </Button>
  );

  let body;
  if (groups.isPending) {
    body = (
      <Row gutter={[16, 16]}>
        {[0, 1, 2].map((i) => (
          <Col key={i} xs={24} lg={12} xxl={8}>
            <Card variant="borderless">
              <Skeleton active paragraph={{ rows: 3 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  } else if (groups.isError) {
    body = (
      <Card variant="borderless">
        <LoadError error={groups.error} onRetry={() => void groups.refetch()} />
      </Card>
    );
  } else if (groups.data.length === 0) {
    body = (
      <Card variant="borderless">
        <Empty
          description="还没有标签组。先建一个组（如“消费能力”“偏好”），再在组里添加标签。"
          style={{ padding: '48px 0' }}
        >
          {newGroup}
        </Empty>
      </Card>
    );
  } else {
    body = (
      <Row gutter={[16, 16]} data-testid="tag-groups">
        {groups.data.map((group) => (
          <Col key={group.id} xs={24} lg={12} xxl={8}>
            <GroupCard
              group={group}
              canWrite={canWrite}
              onEditGroup={() => setEditing({ kind: 'group', group })}
              onAddTag={() => setEditing({ kind: 'tag', tag: null, groupId: group.id })}
              onEditTag={(tag) => setEditing({ kind: 'tag', tag, groupId: tag.groupId })}
            />
          </Col>
        ))}
      </Row>
    );
  }

  return (
    <>
      <PageHeader
        title="标签管理"
        description="给会员打标签，便于筛选和精准运营。人工标签由员工添加；规则标签由系统按规则自动维护。"
        extra={groups.data && groups.data.length > 0 ? newGroup : undefined}
      />
      {body}
      <TagGroupModal
        open={editing?.kind === 'group'}
        group={editing?.kind === 'group' ? editing.group : null}
        onClose={() => setEditing(null)}
      />
      <TagModal
        open={editing?.kind === 'tag'}
        groups={groups.data ?? []}
        tag={editing?.kind === 'tag' ? editing.tag : null}
        groupId={editing?.kind === 'tag' ? editing.groupId : null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

interface GroupCardProps {
  group: TagGroup;
  canWrite: boolean;
  onEditGroup: () => void;
  onAddTag: () => void;
  onEditTag: (tag: Tag) => void;
}

function GroupCard({ group, canWrite, onEditGroup, onAddTag, onEditTag }: GroupCardProps) {
  const queryClient = useQueryClient();
  const { message, showError } = useApiFeedback();
  const removeGroup = useMutation({
    mutationFn: () => deleteTagGroup(group.id),
    onSuccess: () => {
      void message.success(`已删除标签组「${group.name}」`);
      void queryClient.invalidateQueries({ queryKey: tagKeys.groups });
    },
    onError: showError,
  });
  const removeTag = useMutation({
    mutationFn: (tag: Tag) => deleteTag(tag.id),
    onSuccess: (_, tag) => {
      void message.success(`已删除标签「${tag.name}」`);
      void queryClient.invalidateQueries({ queryKey: tagKeys.groups });
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
    },
    onError: showError,
  });

  return (
    <Card
      variant="borderless"
      style={{ height: '100%' }}
      data-testid="tag-group-card"
      data-group={group.name}
      title={
        <Space size={8}>
          <span>{group.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {group.tags.length} 个标签
          </Typography.Text>
        </Space>
      }
      extra={
        canWrite && (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<PlusOutlined />}
              onClick={onAddTag}
              data-testid="tag-create"
            >
              添加标签
            </Button>
            <Tooltip title="编辑标签组">
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                onClick={onEditGroup}
                aria-label="编辑标签组"
              />
            </Tooltip>
            {group.tags.length > 0 ? (
              <Tooltip title={`组内还有 ${group.tags.length} 个标签，需先删除标签`}>
                <Button type="text" size="small" icon={<DeleteOutlined />} disabled aria-label="删除标签组" />
              </Tooltip>
            ) : (
              <Popconfirm
                title={`删除标签组「${group.name}」？`}
                description="组内没有标签，删除后不可恢复。"
                okText="删除"
                okButtonProps={{ danger: true, loading: removeGroup.isPending }}
                onConfirm={() => removeGroup.mutateAsync()}
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除标签组" />
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {group.tags.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="这个组还没有标签"
          style={{ margin: '8px 0' }}
        >
          {canWrite && (
            <Button size="small" icon={<PlusOutlined />} onClick={onAddTag}>
              添加标签
            </Button>
          )}
        </Empty>
      ) : (
        <List<Tag>
          size="small"
          split={false}
          dataSource={group.tags}
          renderItem={(tag) => (
            <List.Item
              style={{ paddingInline: 0 }}
              data-testid="tag-row"
              data-tag={tag.name}
              actions={
                canWrite
                  ? tag.kind === TagKind.RULE
                    ? [
                        <Typography.Text key="rule" type="secondary" style={{ fontSize: 12 }}>
                          系统维护
                        </Typography.Text>,
                      ]
                    : [
                        <Button key="edit" type="link" size="small" onClick={() => onEditTag(tag)}>
                          编辑
                        </Button>,
                        <Popconfirm
                          key="delete"
                          title={`删除标签「${tag.name}」？`}
                          description={deleteTagWarning(tag)}
                          okText="删除"
                          okButtonProps={{ danger: true, loading: removeTag.isPending }}
                          onConfirm={() => removeTag.mutateAsync(tag)}
                        >
                          <Button type="link" size="small" danger data-testid="tag-delete">
                            删除
                          </Button>
                        </Popconfirm>,
                      ]
                  : undefined
              }
            >
              <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
                <AntTag color={tag.color} bordered={false} style={{ marginInlineEnd: 0 }}>
                  {tag.name}
                </AntTag>
                {tag.kind === TagKind.RULE && (
                  <Tooltip title="由系统按规则自动打上和移除，不能手动修改">
                    <AntTag icon={<RobotOutlined />} style={{ marginInlineEnd: 0 }}>
                      规则标签
                    </AntTag>
                  </Tooltip>
                )}
                <Link to={`/members?tagId=${tag.id}`} data-testid="tag-member-count">
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {tag.memberCount} 人
                  </Typography.Text>
                </Link>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
