import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CarOutlined,
  ContainerOutlined,
  CustomerServiceOutlined,
  NodeIndexOutlined,
  ClusterOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  TransactionOutlined,
  WalletOutlined,
  DatabaseOutlined,
  GiftOutlined,
  HistoryOutlined,
  InboxOutlined,
  ShoppingOutlined,
  ThunderboltOutlined,
  TruckOutlined,
  CrownOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TagsOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { Permission } from '@linli/shared-types';

export interface MenuNode {
  /** Route path for leaves; a stable id for groups. */
  key: string;
  label: string;
  icon?: ReactNode;
  /** Needed to see the item and open its route; absent = every logged-in staff member. */
  permission?: Permission;
  children?: MenuNode[];
  /**
   * Breadcrumb of the pages under this leaf's path (e.g. `/leaders/12` under `/leaders`); a function gets
   * the rest of the path (`/new`, `/12/edit`) when create and edit pages need their own words.
   */
  detailLabel?: string | ((restOfPath: string) => string);
}

/** The back office menu. Each route's permission is declared here once and used by the menu and the guard. */
export const MENU: MenuNode[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined /> },
  {
    key: 'leaders',
    label: '团长管理',
    icon: <ShopOutlined />,
    children: [
      {
        key: '/leaders/applications',
        label: '团长申请',
        icon: <FileSearchOutlined />,
        permission: 'leaders.read',
      },
      {
        key: '/leaders',
        label: '团长列表',
        icon: <UnorderedListOutlined />,
        permission: 'leaders.read',
        detailLabel: '团长详情',
      },
      { key: '/leaders/levels', label: '团长等级', icon: <CrownOutlined />, permission: 'leaders.read' },
    ],
  },
  {
    key: 'members',
    label: '会员管理',
    icon: <UsergroupAddOutlined />,
    children: [
      {
        key: '/members',
        label: '会员列表',
        icon: <UserOutlined />,
        permission: 'members.read',
        detailLabel: '会员详情',
      },
      { key: '/members/tags', label: '标签管理', icon: <TagsOutlined />, permission: 'members.read' },
    ],
  },
  {
    key: 'catalog',
    label: '商品',
    icon: <ShoppingOutlined />,
    children: [
      {
        key: '/catalog/categories',
        label: '商品分类',
        icon: <ClusterOutlined />,
        permission: 'catalog.read',
      },
      {
        key: '/catalog/products',
        label: '商品列表',
        icon: <AppstoreOutlined />,
        permission: 'catalog.read',
        detailLabel: (rest) => (rest === '/new' ? '新建商品' : '编辑商品'),
      },
      { key: '/catalog/bundles', label: '组合套餐', icon: <GiftOutlined />, permission: 'catalog.read' },
      { key: '/catalog/suppliers', label: '供应商', icon: <TruckOutlined />, permission: 'catalog.read' },
    ],
  },
  {
    key: 'inventory',
    label: '库存',
    icon: <DatabaseOutlined />,
    children: [
      { key: '/inventory', label: '库存总览', icon: <InboxOutlined />, permission: 'inventory.read' },
      {
        key: '/inventory/movements',
        label: '出入库记录',
        icon: <HistoryOutlined />,
        permission: 'inventory.read',
      },
    ],
  },
  {
    key: 'campaigns',
    label: '团购活动',
    icon: <ThunderboltOutlined />,
    children: [
      {
        key: '/campaigns',
        label: '活动列表',
        icon: <UnorderedListOutlined />,
        permission: 'campaigns.read',
        detailLabel: (rest) =>
          rest === '/new' ? '新建活动' : rest.endsWith('/edit') ? '编辑活动' : '活动详情',
      },
    ],
  },
  {
    key: 'orders',
    label: '订单',
    icon: <ShoppingCartOutlined />,
    children: [
      {
        key: '/orders',
        label: '订单管理',
        icon: <FileTextOutlined />,
        permission: 'orders.read',
        detailLabel: '订单详情',
      },
      {
        key: '/aftersales',
        label: '售后处理',
        icon: <CustomerServiceOutlined />,
        permission: 'aftersales.read',
        detailLabel: (rest) => (rest === '/settings' ? '售后规则' : '售后详情'),
      },
    ],
  },
  {
    key: 'fulfillment',
    label: '履约配送',
    icon: <CarOutlined />,
    children: [
      {
        key: '/fulfillment/waves',
        label: '履约看板',
        icon: <ContainerOutlined />,
        permission: 'fulfillment.read',
        detailLabel: (rest) =>
          rest.includes('/purchase-lists/') ? '采购单' : rest.includes('/routes/') ? '配送单' : '波次详情',
      },
      {
        key: '/fulfillment/routes',
        label: '配送线路',
        icon: <NodeIndexOutlined />,
        permission: 'fulfillment.read',
        detailLabel: (rest) => (rest === '/new' ? '新建线路' : '编辑线路'),
      },
    ],
  },
  {
    key: 'commission',
    label: '佣金结算',
    icon: <AccountBookOutlined />,
    children: [
      {
        key: '/commission/rule-sets',
        label: '佣金方案',
        icon: <ProfileOutlined />,
        permission: 'commission.read',
        detailLabel: (rest) => (rest === '/new' ? '新建方案' : '方案详情'),
      },
      {
        key: '/commission/ledger',
        label: '佣金明细',
        icon: <TransactionOutlined />,
        permission: 'commission.read',
      },
      {
        key: '/commission/statements',
        label: '对账单',
        icon: <ReconciliationOutlined />,
        permission: 'commission.read',
      },
      {
        key: '/commission/withdrawals',
        label: '提现审核',
        icon: <WalletOutlined />,
        permission: 'commission.read',
      },
    ],
  },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { key: '/system/staff', label: '员工管理', icon: <TeamOutlined />, permission: 'staff.read' },
      { key: '/system/audit-logs', label: '操作日志', icon: <AuditOutlined />, permission: 'audit.read' },
      {
        key: '/system/event-deliveries',
        label: '事件投递',
        icon: <SendOutlined />,
        permission: 'system.manage',
      },
    ],
  },
];

/** The last breadcrumb of a page under `leaf` (a detail, create or edit page), if the leaf names one. */
export function breadcrumbDetailLabel(leaf: MenuNode, pathname: string): string | undefined {
  const label = leaf.detailLabel;
  return typeof label === 'function' ? label(pathname.slice(leaf.key.length)) : label;
}
