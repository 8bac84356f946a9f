import type { Permission } from '@linli/shared-types';

/** Business areas in the order the dashboard lists them. */
export const PERMISSION_AREAS = [
  { key: 'system', label: '系统与账号' },
  { key: 'members', label: '会员' },
  { key: 'leaders', label: '团长' },
  { key: 'catalog', label: '商品与库存' },
  { key: 'campaigns', label: '团购活动' },
  { key: 'orders', label: '订单与售后' },
  { key: 'fulfillment', label: '仓储履约' },
  { key: 'finance', label: '佣金与提现' },
  { key: 'marketing', label: '营销' },
  { key: 'reports', label: '报表与集成' },
] as const;
export type PermissionArea = (typeof PERMISSION_AREAS)[number]['key'];

/** Every permission with its Chinese label and area; `Record<Permission, …>` makes a new one fail to compile until labelled. */
export const PERMISSION_INFO: Record<Permission, { label: string; area: PermissionArea }> = {
  'staff.read': { label: '查看员工', area: 'system' },
  'staff.write': { label: '管理员工', area: 'system' },
  'audit.read': { label: '查看操作日志', area: 'system' },
  'system.read': { label: '查看系统状态', area: 'system' },
  'system.manage': { label: '管理系统运维', area: 'system' },
  'members.read': { label: '查看会员', area: 'members' },
  'members.write': { label: '管理会员', area: 'members' },
  'leaders.read': { label: '查看团长', area: 'leaders' },
  'leaders.write': { label: '管理团长', area: 'leaders' },
  'catalog.read': { label: '查看商品', area: 'catalog' },
  'catalog.write': { label: '管理商品', area: 'catalog' },
  'inventory.read': { label: '查看库存', area: 'catalog' },
  'inventory.write': { label: '调整库存', area: 'catalog' },
  'campaigns.read': { label: '查看团购活动', area: 'campaigns' },
  'campaigns.write': { label: '管理团购活动', area: 'campaigns' },
  'orders.read': { label: '查看订单', area: 'orders' },
  'orders.write': { label: '处理订单', area: 'orders' },
  'orders.refund': { label: '订单退款', area: 'orders' },
  'aftersales.read': { label: '查看售后', area: 'orders' },
  'aftersales.write': { label: '处理售后', area: 'orders' },
  'fulfillment.read': { label: '查看分拣配送', area: 'fulfillment' },
  'fulfillment.write': { label: '处理分拣配送', area: 'fulfillment' },
  'commission.read': { label: '查看佣金', area: 'finance' },
  'commission.write': { label: '结算佣金', area: 'finance' },
  'withdrawals.approve': { label: '审批提现', area: 'finance' },
  'marketing.read': { label: '查看营销活动', area: 'marketing' },
  'marketing.write': { label: '管理营销活动', area: 'marketing' },
  'reports.read': { label: '查看报表', area: 'reports' },
  'integrations.manage': { label: '管理开放接口', area: 'reports' },
};

export interface PermissionGroup {
  area: PermissionArea;
  label: string;
  permissions: { key: Permission; label: string }[];
}

/** Groups the granted permissions by area, keeping area order and dropping empty areas. */
export function groupPermissions(granted: readonly Permission[]): PermissionGroup[] {
  return PERMISSION_AREAS.map((area) => ({
    area: area.key,
    label: area.label,
    permissions: granted
      .filter((p) => PERMISSION_INFO[p]?.area === area.key)
      .map((p) => ({ key: p, label: PERMISSION_INFO[p].label })),
  })).filter((g) => g.permissions.length > 0);
}
