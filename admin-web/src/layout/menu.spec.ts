import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@linli/shared-types';
import {
  filterMenu,
  findMenuTrail,
  findRouteTrail,
  permissionForPath,
  safeRedirect,
  type PermissionedNode,
} from './menu';
import { MENU as APP_MENU, breadcrumbDetailLabel } from './menu-config';

const MENU: PermissionedNode[] = [
  { key: '/', label: '工作台' },
  {
    key: 'system',
    label: '系统管理',
    children: [
      { key: '/system/staff', label: '员工管理', permission: 'staff.read' },
      { key: '/system/audit-logs', label: '操作日志', permission: 'audit.read' },
    ],
  },
  { key: '/orders', label: '订单', permission: 'orders.read' },
];

const keys = (nodes: PermissionedNode[]): string[] =>
  nodes.flatMap((n) => [n.key, ...(n.children ? keys(n.children) : [])]);

describe('filterMenu', () => {
  it('shows everything to an admin', () => {
    expect(keys(filterMenu(MENU, permissionsOf(['admin'])))).toEqual([
      '/',
      'system',
      '/system/staff',
      '/system/audit-logs',
      '/orders',
    ]);
  });

  it('drops a group whose children are all hidden (operator has neither staff.read nor audit.read)', () => {
    expect(keys(filterMenu(MENU, permissionsOf(['operator'])))).toEqual(['/', '/orders']);
  });

  it('keeps a group with some visible children and drops the others', () => {
    expect(keys(filterMenu(MENU, ['audit.read']))).toEqual(['/', 'system', '/system/audit-logs']);
  });

  it('leaves only the public items with no permissions and does not mutate the config', () => {
    expect(keys(filterMenu(MENU, []))).toEqual(['/']);
    expect(MENU[1].children).toHaveLength(2);
  });
});

describe('route permissions', () => {
  it('finds the trail and the permission of a leaf', () => {
    expect(findMenuTrail(MENU, '/system/staff').map((n) => n.label)).toEqual(['系统管理', '员工管理']);
    expect(permissionForPath(MENU, '/system/audit-logs')).toBe('audit.read');
    expect(permissionForPath(MENU, '/')).toBeUndefined();
    expect(findMenuTrail(MENU, '/nowhere')).toEqual([]);
  });
});

describe('detail routes under a menu leaf', () => {
  const WITH_LEADERS: PermissionedNode[] = [
    ...MENU,
    {
      key: 'leaders',
      label: '团长管理',
      children: [
        { key: '/leaders/applications', label: '团长申请', permission: 'leaders.read' },
        { key: '/leaders', label: '团长列表', permission: 'leaders.read' },
      ],
    },
  ];

  it('puts /leaders/12 under 团长列表 and guards it with the list permission', () => {
    expect(findRouteTrail(WITH_LEADERS, '/leaders/12').map((n) => n.label)).toEqual(['团长管理', '团长列表']);
    expect(permissionForPath(WITH_LEADERS, '/leaders/:id')).toBe('leaders.read');
  });

  it('prefers the exact leaf and never falls back to 工作台 or a mere string prefix', () => {
    expect(findRouteTrail(WITH_LEADERS, '/leaders/applications').map((n) => n.label)).toEqual([
      '团长管理',
      '团长申请',
    ]);
    expect(findRouteTrail(WITH_LEADERS, '/leadersx')).toEqual([]);
    expect(findRouteTrail(WITH_LEADERS, '/nowhere/1')).toEqual([]);
  });
});

describe('会员管理', () => {
  it('shows 会员列表 to staff with members.read and guards /members/:id with it', () => {
    expect(findRouteTrail(APP_MENU, '/members/7').map((n) => n.label)).toEqual(['会员管理', '会员列表']);
    expect(permissionForPath(APP_MENU, '/members/:id')).toBe('members.read');
    const finance = filterMenu(APP_MENU, permissionsOf(['finance'])).map((n) => n.label);
    expect(finance).toContain('会员管理');
    const warehouse = filterMenu(APP_MENU, permissionsOf(['warehouse'])).map((n) => n.label);
    expect(warehouse).not.toContain('会员管理');
  });
});

describe('商品 / 库存 / 团购活动', () => {
  it('guards product, inventory and campaign pages with their own read permissions', () => {
    expect(findRouteTrail(APP_MENU, '/catalog/products/12').map((n) => n.label)).toEqual([
      '商品',
      '商品列表',
    ]);
    expect(permissionForPath(APP_MENU, '/catalog/products/:id')).toBe('catalog.read');
    expect(permissionForPath(APP_MENU, '/inventory/movements')).toBe('inventory.read');
    expect(findRouteTrail(APP_MENU, '/inventory/movements').map((n) => n.label)).toEqual([
      '库存',
      '出入库记录',
    ]);
    expect(permissionForPath(APP_MENU, '/campaigns/:id/edit')).toBe('campaigns.read');
  });

  it('shows only the groups a permission opens', () => {
    const labels = filterMenu(APP_MENU, ['inventory.read']).map((n) => n.label);
    expect(labels).toEqual(['工作台', '库存']);
  });
});

describe('订单', () => {
  it('puts /orders/12 under 订单管理, guards it with orders.read and shows it to every order role', () => {
    expect(findRouteTrail(APP_MENU, '/orders/12').map((n) => n.label)).toEqual(['订单', '订单管理']);
    expect(permissionForPath(APP_MENU, '/orders/:id')).toBe('orders.read');
    for (const role of ['operator', 'finance', 'warehouse', 'service'] as const)
      expect(filterMenu(APP_MENU, permissionsOf([role])).map((n) => n.label)).toContain('订单');
    const leaf = findRouteTrail(APP_MENU, '/orders/12').at(-1)!;
    expect(breadcrumbDetailLabel(leaf, '/orders/12')).toBe('订单详情');
  });

  it('puts 售后处理 under 订单, guards its pages with aftersales.read and names detail and rules', () => {
    expect(findRouteTrail(APP_MENU, '/aftersales/7').map((n) => n.label)).toEqual(['订单', '售后处理']);
    for (const path of ['/aftersales', '/aftersales/:id', '/aftersales/settings'])
      expect(permissionForPath(APP_MENU, path)).toBe('aftersales.read');
    const leaf = findRouteTrail(APP_MENU, '/aftersales/7').at(-1)!;
    expect(breadcrumbDetailLabel(leaf, '/aftersales/7')).toBe('售后详情');
    expect(breadcrumbDetailLabel(leaf, '/aftersales/settings')).toBe('售后规则');
  });
});

describe('佣金结算', () => {
  it('guards every commission page with commission.read and names the rule-set pages', () => {
    for (const path of [
      '/commission/rule-sets',
      '/commission/rule-sets/new',
      '/commission/rule-sets/:id',
      '/commission/ledger',
      '/commission/statements',
      '/commission/withdrawals',
    ])
      expect(permissionForPath(APP_MENU, path)).toBe('commission.read');
    const leafOf = (path: string) => findRouteTrail(APP_MENU, path).at(-1)!;
    expect(findRouteTrail(APP_MENU, '/commission/rule-sets/7').map((n) => n.label)).toEqual([
      '佣金结算',
      '佣金方案',
    ]);
    expect(breadcrumbDetailLabel(leafOf('/commission/rule-sets/new'), '/commission/rule-sets/new')).toBe(
      '新建方案',
    );
    expect(breadcrumbDetailLabel(leafOf('/commission/rule-sets/7'), '/commission/rule-sets/7')).toBe(
      '方案详情',
    );
  });

  it('shows the menu to finance and admins only', () => {
    const labels = (role: 'finance' | 'operator' | 'admin') =>
      filterMenu(APP_MENU, permissionsOf([role])).map((n) => n.label);
    expect(labels('finance')).toContain('佣金结算');
    expect(labels('admin')).toContain('佣金结算');
    expect(labels('operator')).not.toContain('佣金结算');
    const finance = filterMenu(APP_MENU, permissionsOf(['finance'])).find((n) => n.key === 'commission');
    expect(finance?.children?.map((n) => n.label)).toEqual(['佣金方案', '佣金明细', '对账单', '提现审核']);
  });
});

describe('safeRedirect', () => {
  it('accepts in-app paths with their query', () => {
    expect(safeRedirect('/system/staff?page=2')).toBe('/system/staff?page=2');
  });
  it.each([
    null,
    '',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '/login',
    '/login?redirect=/',
  ])('falls back to / for %s', (target) => expect(safeRedirect(target)).toBe('/'));

  it('names create, edit and detail pages in the breadcrumb', () => {
    const leafOf = (path: string) => findRouteTrail(APP_MENU, path).at(-1)!;
    expect(breadcrumbDetailLabel(leafOf('/campaigns/new'), '/campaigns/new')).toBe('新建活动');
    expect(breadcrumbDetailLabel(leafOf('/campaigns/7/edit'), '/campaigns/7/edit')).toBe('编辑活动');
    expect(breadcrumbDetailLabel(leafOf('/campaigns/7'), '/campaigns/7')).toBe('活动详情');
    expect(breadcrumbDetailLabel(leafOf('/catalog/products/new'), '/catalog/products/new')).toBe('新建商品');
    expect(breadcrumbDetailLabel(leafOf('/catalog/products/3'), '/catalog/products/3')).toBe('编辑商品');
    expect(breadcrumbDetailLabel(leafOf('/leaders/12'), '/leaders/12')).toBe('团长详情');
  });
});
