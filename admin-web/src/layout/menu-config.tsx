import type { ReactNode } from 'react';
import {
  AuditOutlined,
  DashboardOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
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
}

/** The back office menu. Each route's permission is declared here once and used by the menu and the guard. */
export const MENU: MenuNode[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined /> },
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
