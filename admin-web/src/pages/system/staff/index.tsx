import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Badge, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { StaffListQuery, StaffProfile } from '@linli/shared-types';
import { sessionStore } from '../../../api';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { ROLE_COLORS, roleLabel } from '../../../labels/roles';
import { usePermission, useSession } from '../../../session/hooks';
import { ResetPasswordModal } from './components/ResetPasswordModal';
import { StaffFilters } from './components/StaffFilters';
import { StaffFormModal, type StaffFormTarget } from './components/StaffFormModal';
import {
  fetchRoles,
  fetchStaffList,
  queryFromSearch,
  searchFromQuery,
  setStaffEnabled,
  staffKeys,
} from './service';
import { tablePagination } from '../../../components/table-pagination';

const formatTime = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : null);

export default function StaffPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromSearch(params), [params]);
  const canWrite = usePermission('staff.write');
  const me = useSession()?.staff;
  const queryClient = useQueryClient();
  const { message, showError } = useApiFeedback();
  const [formTarget, setFormTarget] = useState<StaffFormTarget | null>(null);
  const [resetTarget, setResetTarget] = useState<StaffProfile | null>(null);

  const list = useQuery({
    queryKey: staffKeys.list(query),
    queryFn: () => fetchStaffList(query),
    placeholderData: keepPreviousData,
  });
  const roles = useQuery({
    queryKey: staffKeys.roles,
    queryFn: fetchRoles,
    staleTime: 10 * 60_000,
    enabled: canWrite,
  });

  const setQuery = (patch: Partial<StaffListQuery>, resetPage = true) =>
    setParams(searchFromQuery({ ...query, ...(resetPage ? { page: 1 } : {}), ...patch }));
  const filtered = Boolean(query.keyword || query.role || query.status);

  const afterWrite = (staff: StaffProfile) => {
    void queryClient.invalidateQueries({ queryKey: staffKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit-logs'] });
    // Editing oneself changes one's own roles: menus and buttons must follow at once.
    if (staff.id === me?.id) sessionStore.updateStaff(staff);
  };

  const toggle = useMutation({
    mutationFn: (staff: StaffProfile) => setStaffEnabled(staff.id, staff.status === 'disabled'),
    onSuccess: (staff) => {
      afterWrite(staff);
      void message.success(`已${staff.status === 'active' ? '启用' : '停用'}员工 ${staff.name}`);
    },
    onError: showError,
  });

  const columns: TableColumnsType<StaffProfile> = [
    {
      title: '用户名',
      dataIndex: 'username',
      width: 150,
      render: (username: string, row) => (
        <Space size={4}>
          <Typography.Text strong>{username}</Typography.Text>
          {row.id === me?.id && (
            <Tag color="green" bordered={false}>
              我
            </Tag>
          )}
        </Space>
      ),
    },
    { title: '姓名', dataIndex: 'name', width: 120 },
    {
      title: '手机号',
      dataIndex: 'phone',
      width: 130,
      render: (phone: string | null) => phone ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: StaffProfile['roles']) => (
        <Space size={[4, 4]} wrap>
          {roles.map((role) => (
            <Tag key={role} color={ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }}>
              {roleLabel(role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: StaffProfile['status']) =>
        status === 'active' ? (
          <Badge status="success" text="正常" />
        ) : (
          <Badge status="default" text="已停用" />
        ),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (iso: string | null) =>
        formatTime(iso) ?? <Typography.Text type="secondary">从未登录</Typography.Text>,
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 150, render: (iso: string) => formatTime(iso) },
  ];

  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, row) => {
        const self = row.id === me?.id;
        const disabling = row.status === 'active';
        return (
          <Space size={0} split={<Typography.Text type="secondary">|</Typography.Text>}>
            <Button
              type="link"
              size="small"
              onClick={() => setFormTarget({ kind: 'edit', staff: row })}
              data-testid="staff-edit"
            >
              编辑
            </Button>
            <Button
              type="link"
              size="small"
              onClick={() => setResetTarget(row)}
              data-testid="staff-reset-password"
            >
              重置密码
            </Button>
            {self && disabling ? (
              <Tooltip title="不能停用自己的账号">
                <Button type="link" size="small" disabled>
                  停用
                </Button>
              </Tooltip>
            ) : (
              <Popconfirm
                title={disabling ? `停用 ${row.name}？` : `启用 ${row.name}？`}
                description={
                  disabling ? '停用后该员工立即被退出登录且无法再登录。' : '启用后该员工可以重新登录。'
                }
                okText={disabling ? '停用' : '启用'}
                cancelText="取消"
                okButtonProps={{ danger: disabling }}
                onConfirm={() => toggle.mutateAsync(row).catch(() => undefined)}
              >
                <Button type="link" size="small" danger={disabling} data-testid="staff-toggle-status">
                  {disabling ? '停用' : '启用'}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    });
  }

  const data = list.data;
  return (
    <>
      <PageHeader
        title="员工管理"
        description="管理后台账号、分配角色；停用的账号立即失去访问权限。"
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormTarget({ kind: 'create' })}
              data-testid="staff-create"
            >
              新建员工
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <div style={{ marginBottom: 16 }}>
          <StaffFilters query={query} onChange={(patch) => setQuery(patch)} onReset={() => setParams({})} />
        </div>
        {list.isError && !data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<StaffProfile>
            rowKey="id"
            columns={columns}
            dataSource={data?.items}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            data-testid="staff-table"
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description={filtered ? '没有符合条件的员工' : '还没有员工'}>
                  {filtered && <Button onClick={() => setParams({})}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: data?.total,
              describeTotal: (total) => `共 ${total} 名员工`,
              onChange: (next) => setQuery(next, false),
            })}
          />
        )}
      </Card>

      <StaffFormModal
        target={formTarget}
        roles={roles.data}
        rolesLoading={roles.isPending}
        rolesError={roles.isError ? roles.error : null}
        onRetryRoles={() => void roles.refetch()}
        onClose={() => setFormTarget(null)}
        onSaved={(staff, created) => {
          setFormTarget(null);
          afterWrite(staff);
          void message.success(created ? `已创建员工 ${staff.name}` : `已保存 ${staff.name} 的资料`);
        }}
      />
      <ResetPasswordModal
        staff={resetTarget}
        onClose={() => setResetTarget(null)}
        onDone={(staff) => {
          setResetTarget(null);
          void queryClient.invalidateQueries({ queryKey: ['audit-logs'] });
          void message.success(`已重置 ${staff.name} 的密码`);
        }}
      />
    </>
  );
}
