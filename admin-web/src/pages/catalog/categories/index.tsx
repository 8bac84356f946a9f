import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type CategoryView } from '@linli/shared-types';
import { describeError, isApiError } from '../../../api';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../session/hooks';
import { buildCategoryTree, type CategoryNode } from '../category-tree';
import { catalogKeys, deleteCategory, fetchCategories, updateCategory } from '../service';
import { CategoryModal, type CategoryEditing } from './CategoryModal';

export default function CategoriesPage() {
  const canWrite = usePermission('catalog.write');
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<CategoryEditing | null>(null);
  // Tops are expanded unless closed by hand, so a child just added is seen at once.
  const [collapsed, setCollapsed] = useState<number[]>([]);
  const categories = useQuery({ queryKey: catalogKeys.categories, queryFn: fetchCategories });
  const flat = categories.data ?? [];
  const tree = buildCategoryTree(flat);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: catalogKeys.categories });

  const remove = useMutation({
    mutationFn: (category: CategoryView) => deleteCategory(category.id),
    onSuccess: (_, category) => {
      void message.success(`已删除「${category.name}」`);
      refresh();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === ErrorCode.CATEGORY_IN_USE) {
        modal.warning({ title: '无法删除此分类', content: error.message, okText: '知道了' });
      } else {
        void message.error(describeError(error));
      }
      refresh();
    },
  });

  // Moving swaps the sort order with the neighbour among the siblings (two small updates).
  const move = useMutation({
    mutationFn: async ({ a, b }: { a: CategoryView; b: CategoryView }) => {
      const [orderA, orderB] =
        a.sortOrder === b.sortOrder ? [b.sortOrder + 1, a.sortOrder] : [b.sortOrder, a.sortOrder];
      await updateCategory(a.id, { sortOrder: orderA });
      await updateCategory(b.id, { sortOrder: orderB });
    },
    onSettled: refresh,
    onError: (error) => void message.error(describeError(error)),
  });

  const siblingsOf = (node: CategoryNode): CategoryNode[] =>
    node.parentId === null ? tree : (tree.find((t) => t.id === node.parentId)?.children ?? []);

  const columns: TableColumnsType<CategoryNode> = [
    {
      title: '分类名称',
      dataIndex: 'name',
      render: (name: string, node) => (
        <Space size={8}>
          <Typography.Text strong={node.parentId === null} data-testid="category-row-name">
            {name}
          </Typography.Text>
          {node.parentId === null && node.children && (
            <Tag bordered={false}>{node.children.length} 个子分类</Tag>
          )}
        </Space>
      ),
    },
    {
      title: '商品数',
      key: 'products',
      width: 120,
      align: 'right',
      render: (_, node) =>
        node.totalProducts > 0 ? (
          <Link to={`/catalog/products?categoryId=${node.id}`}>{node.totalProducts} 件</Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    { title: '排序', dataIndex: 'sortOrder', width: 90, align: 'center' },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 320,
            render: (_: unknown, node: CategoryNode) => {
              const siblings = siblingsOf(node);
              const index = siblings.findIndex((s) => s.id === node.id);
              return (
                <Space size={0}>
                  <Tooltip title="上移">
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={index <= 0 || move.isPending}
                      onClick={() => move.mutate({ a: node, b: siblings[index - 1] })}
                    />
                  </Tooltip>
                  <Tooltip title="下移">
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={index === siblings.length - 1 || move.isPending}
                      onClick={() => move.mutate({ a: siblings[index + 1], b: node })}
                    />
                  </Tooltip>
                  {node.parentId === null && (
                    <Button
                      type="link"
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setEditing({ category: null, parentId: node.id })}
                      data-testid="category-add-child"
                    >
                      添加子分类
                    </Button>
                  )}
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing({ category: node, parentId: node.parentId })}
                    data-testid="category-edit"
                  >
                    编辑
                  </Button>
                  <Popconfirm
                    title={`删除「${node.name}」？`}
                    description={
                      node.totalProducts > 0 || node.children
                        ? '分类下还有商品或子分类时不能删除'
                        : '删除后不可恢复'
                    }
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove.mutateAsync(node).catch(() => undefined)}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      data-testid="category-delete"
                    >
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="商品分类"
        description="两级分类：一级分类下可再分子分类，商品可挂在任一级。有商品或子分类的分类不能删除。"
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ category: null, parentId: null })}
              data-testid="category-create"
            >
              新建一级分类
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {categories.isError ? (
          <LoadError error={categories.error} onRetry={() => void categories.refetch()} />
        ) : (
          <Table<CategoryNode>
            rowKey="id"
            columns={columns}
            dataSource={tree}
            loading={categories.isFetching}
            pagination={false}
            expandable={{
              expandedRowKeys: tree.map((t) => t.id).filter((id) => !collapsed.includes(id)),
              onExpand: (open, node) =>
                setCollapsed((prev) => (open ? prev.filter((id) => id !== node.id) : [...prev, node.id])),
            }}
            data-testid="categories-table"
            locale={{
              emptyText: categories.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description="还没有分类" />
              ),
            }}
          />
        )}
      </Card>
      <CategoryModal editing={editing} all={flat} onClose={() => setEditing(null)} />
    </>
  );
}
