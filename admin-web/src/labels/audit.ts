/** Chinese names of audit actions (`<area>.<verb>`). Unknown actions fall back to their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'staff.create': '新建员工',
  'staff.update': '编辑员工',
  'staff.reset_password': '重置密码',
  'staff.disable': '停用员工',
  'staff.enable': '启用员工',
  'leader.create': '新建团长',
  'product.create': '新建商品',
  'campaign.create': '新建团购活动',
  'system.eventDelivery.retry': '重试事件投递',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  staff: '员工',
  member: '会员',
  leader: '团长',
  product: '商品',
  campaign: '团购活动',
  order: '订单',
  outbox_event: '系统事件',
};

/** Labels of snapshot fields shown in the before/after diff; `<entityType>.<field>` overrides the general one. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  id: 'ID',
  username: '用户名',
  name: '名称',
  'staff.name': '姓名',
  'leader.name': '姓名',
  skuIds: 'SKU ID',
  phone: '手机号',
  roles: '角色',
  permissions: '权限',
  status: '状态',
  lastLoginAt: '最近登录',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  passwordReset: '密码已重置',
  title: '标题',
  description: '描述',
  coverUrl: '封面图',
  audience: '可见范围',
  startAt: '开始时间',
  endAt: '结束时间',
  cutoffAt: '截单时间',
  pickupDate: '提货日期',
  memberId: '会员 ID',
  uplineLeaderId: '上级团长 ID',
  pickupPoint: '自提点',
  skus: '规格',
  items: '商品',
  eventId: '事件 ID',
  eventType: '事件类型',
  handlerName: '处理器',
  attempts: '尝试次数',
  lastError: '最后错误',
  failedAt: '失败时间',
  eventOccurredAt: '事件发生时间',
  aggregateId: '关联对象 ID',
};

export function auditFieldLabel(entityType: string, field: string): string | undefined {
  return AUDIT_FIELD_LABELS[`${entityType}.${field}`] ?? AUDIT_FIELD_LABELS[field];
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function auditEntityLabel(entityType: string): string {
  return AUDIT_ENTITY_LABELS[entityType] ?? entityType;
}
