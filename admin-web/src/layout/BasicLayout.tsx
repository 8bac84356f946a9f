import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Breadcrumb, Button, Layout, Menu, Space, Spin, Tag, Tooltip, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionStore } from '../api';
import { LogoMark } from '../components/Logo';
import { ROLE_COLORS, roleLabel } from '../labels/roles';
import { useSession } from '../session/hooks';
import { fetchMe, logout } from '../session/service';
import { filterMenu, findRouteTrail } from './menu';
import { MENU, breadcrumbDetailLabel, type MenuNode } from './menu-config';
import styles from './BasicLayout.module.css';

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(nodes: MenuNode[]): MenuItem[] {
  return nodes.map((node) =>
    node.children
      ? { key: node.key, label: node.label, icon: node.icon, children: toMenuItems(node.children) }
      : { key: node.key, label: <Link to={node.key}>{node.label}</Link>, icon: node.icon },
  );
}

export function BasicLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);
  const permissions = useMemo(() => session?.staff.permissions ?? [], [session]);

  // Roles may have changed (or the account been disabled) since login: re-read the profile on entry.
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: fetchMe, staleTime: 60_000 });
  useEffect(() => {
    if (me.data) sessionStore.updateStaff(me.data);
  }, [me.data]);

  const visibleMenu = useMemo(() => filterMenu(MENU, permissions), [permissions]);
  const items = useMemo(() => toMenuItems(visibleMenu), [visibleMenu]);
  const trail = findRouteTrail(MENU, location.pathname);
  const leaf = trail.at(-1);
  const onDetailPage = leaf !== undefined && leaf.key !== location.pathname;
  const [openKeys, setOpenKeys] = useState<string[]>(() => trail.slice(0, -1).map((n) => n.key));

  if (!session) return null;
  const { staff } = session;

  const onLogout = async () => {
    setLoggingOut(true);
    await logout();
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  return (
    <Layout className={styles.root}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={220}
        className={styles.sider}
        breakpoint="lg"
        onBreakpoint={setCollapsed}
      >
        <Link to="/" className={styles.logo}>
          <LogoMark size={30} />
          {!collapsed && <span className={styles.logoText}>邻里团购</span>}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[trail.at(-1)?.key ?? location.pathname]}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          data-testid="menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className={styles.header}
          style={{ borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Space size="middle">
            <Button
              type="text"
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
            <Breadcrumb
              items={[
                { title: <Link to="/">首页</Link> },
                ...trail
                  .filter((n) => n.key !== '/')
                  .map((n) => ({
                    title: onDetailPage && n === leaf ? <Link to={n.key}>{n.label}</Link> : n.label,
                  })),
                ...(onDetailPage && leaf.detailLabel
                  ? [{ title: breadcrumbDetailLabel(leaf, location.pathname) }]
                  : []),
              ]}
            />
          </Space>
          <Space size="middle" className={styles.user} data-testid="header-user">
            <Space size={8}>
              <Avatar size="small" style={{ background: token.colorPrimary }} icon={<UserOutlined />} />
              <Typography.Text strong data-testid="header-staff-name">
                {staff.name}
              </Typography.Text>
            </Space>
            <Space size={4} wrap={false}>
              {staff.roles.map((role) => (
                <Tag key={role} color={ROLE_COLORS[role]} bordered={false} style={{ marginInlineEnd: 0 }}>
                  {roleLabel(role)}
                </Tag>
              ))}
            </Space>
            <Tooltip title="退出后需重新登录">
              <Button icon={<LogoutOutlined />} loading={loggingOut} onClick={onLogout} data-testid="logout">
                退出登录
              </Button>
            </Tooltip>
          </Space>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <Suspense
            fallback={
              <div className={styles.pageLoading}>
                <Spin size="large" />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className={styles.footer}>邻里团购 · 社区团购运营后台</Layout.Footer>
      </Layout>
    </Layout>
  );
}
