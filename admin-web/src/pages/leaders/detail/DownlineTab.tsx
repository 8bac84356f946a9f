import { useEffect, useState, type Key } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Breadcrumb, Card, Empty, Flex, Skeleton, Space, Tag, Tree, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../api';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { LoadError } from '../../../components/LoadError';
import { LeaderStatusBadge } from '../components/LeaderStatusBadge';
import { teamText, toTreeNode, withChildren, type DownlineTreeNode } from '../downline-tree';
import { fetchDownline, levelKeys } from '../levels-service';

function NodeTitle({ item, current }: { item: DownlineTreeNode; current: boolean }) {
  const { node } = item;
  return (
    <Space
      size={10}
      wrap
      style={{ padding: '4px 0' }}
      data-testid="downline-node"
      data-leader-id={node.leaderId}
    >
      <Typography.Text strong={current}>{node.name}</Typography.Text>
      <LeaderStatusBadge status={node.status} />
      {node.levelName ? (
        <Tag color="gold" bordered={false}>
          {node.levelName}
        </Tag>
      ) : (
        <Tag bordered={false}>未定级</Tag>
      )}
      {node.pickupPointName && <Typography.Text type="secondary">{node.pickupPointName}</Typography.Text>}
      <Typography.Text type="secondary" data-testid="downline-node-counts">
        {teamText(node)}
      </Typography.Text>
    </Space>
  );
}

/** 下级团队: the leader's recruits as a tree that loads one level per expanded node. */
export function DownlineTab({ leaderId }: { leaderId: number }) {
  const navigate = useNavigate();
  const { message } = useApiFeedback();
  const root = useQuery({ queryKey: levelKeys.downline(leaderId), queryFn: () => fetchDownline(leaderId) });
  const [tree, setTree] = useState<DownlineTreeNode[]>([]);

  useEffect(() => {
    if (!root.data) return;
    const top = toTreeNode(root.data.node, null);
    setTree([{ ...top, children: root.data.children.map((child) => toTreeNode(child, top.key)) }]);
  }, [root.data]);

  const loadData = async ({ key }: { key: Key }) => {
    const path = String(key);
    const leaf = Number(path.split('/').pop());
    try {
      const view = await fetchDownline(leaf);
      setTree((current) => withChildren(current, path, view.children));
    } catch (error) {
      void message.error(describeError(error));
    }
  };

  if (root.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (root.isError) return <LoadError error={root.error} onRetry={() => void root.refetch()} compact />;

  const view = root.data;
  return (
    <Card variant="borderless">
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Breadcrumb
          data-testid="downline-upline-chain"
          items={[
            { title: <ApartmentOutlined /> },
            ...view.uplineChain.map((link) => ({
              title: <Link to={`/leaders/${link.leaderId}?tab=downline`}>{link.name}</Link>,
            })),
            { title: view.node.name },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          展开节点加载其下级；点击团长打开其详情
        </Typography.Text>
      </Flex>
      {view.children.length === 0 && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="还没有下级团长：分享专属邀请码，招募的团长会出现在这里"
          style={{ marginBottom: 16 }}
        />
      )}
      {tree.length > 0 && (
        <Tree<DownlineTreeNode>
          treeData={tree}
          fieldNames={{ key: 'key', children: 'children' }}
          defaultExpandedKeys={[String(leaderId)]}
          loadData={loadData}
          showLine
          blockNode
          titleRender={(item) => <NodeTitle item={item} current={item.node.leaderId === leaderId} />}
          onSelect={(_, { node }) => {
            if (node.node.leaderId !== leaderId) navigate(`/leaders/${node.node.leaderId}`);
          }}
          data-testid="downline-tree"
        />
      )}
    </Card>
  );
}
