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
  'leader.apply': '申请成为团长',
  'leader.approve': '通过团长申请',
  'leader.reject': '拒绝团长申请',
  'leader.suspend': '停用团长',
  'leader.reactivate': '恢复团长',
  'leader.transferMembers': '转移团长名下会员',
  'leader.setLevel': '调整团长等级',
  'leaderLevel.create': '新建团长等级',
  'leaderLevel.update': '编辑团长等级',
  'leaderLevel.delete': '删除团长等级',
  'leaderLevel.evaluate': '立即评估团长等级',
  'member.move': '调整会员团长',
  'member.addTags': '给会员打标签',
  'member.removeTag': '移除会员标签',
  'member.bulkAddTags': '批量打标签',
  'member.bulkRemoveTags': '批量移除标签',
  'tagGroup.create': '新建标签组',
  'tagGroup.update': '编辑标签组',
  'tagGroup.delete': '删除标签组',
  'tag.create': '新建标签',
  'tag.update': '编辑标签',
  'tag.delete': '删除标签',
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
  leader_level: '团长等级',
  tag_group: '标签组',
  tag: '标签',
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
  inviteCode: '邀请码',
  statusReason: '原因',
  reason: '原因',
  currentLeaderId: '当前团长 ID',
  currentLeaderName: '当前团长',
  fromLeaderId: '原团长 ID',
  fromLeaderName: '原团长',
  toLeaderId: '新团长 ID',
  toLeaderName: '新团长',
  moved: '转移人数',
  movedCount: '转移人数',
  memberIds: '会员 ID',
  leaderId: '团长 ID',
  nickname: '昵称',
  channel: '来源渠道',
  firstLeaderId: '首次团长 ID',
  note: '备注',
  appliedAt: '申请时间',
  reviewedAt: '审核时间',
  reviewedById: '审核人 ID',
  reviewedByStaffId: '审核人 ID',
  reviewedByName: '审核人',
  agreementVersion: '协议版本',
  agreementAcceptedAt: '签约时间',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  openingHours: '营业时间',
  contactPhone: '联系电话',
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
  levelId: '等级 ID',
  levelHoldUntil: '保级截止',
  levelReason: '调整原因',
  holdDays: '保级天数',
  rank: '排序',
  commissionRateBps: '默认佣金（基点）',
  upgrade: '升级门槛',
  keep: '保级门槛',
  evaluated: '参与评估',
  initial: '首次定级',
  upgraded: '升级',
  downgraded: '降级',
  held: '保级期内跳过',
};

/**
 * Non-staff actors arrive as actorType `system` with a short name; these read better. A member acting in the
 * mini-program (e.g. leader.apply) is `member` until AuditLogEntry can name members.
 */
export const AUDIT_SYSTEM_ACTOR_LABELS: Record<string, { tag: string; name?: string }> = {
  member: { tag: '会员', name: '小程序' },
  'demo-seed': { tag: '系统', name: '演示数据' },
};

export function systemActorLabel(actorName: string | null): { tag: string; name: string | null } {
  const known = actorName ? AUDIT_SYSTEM_ACTOR_LABELS[actorName] : undefined;
  return known ? { tag: known.tag, name: known.name ?? null } : { tag: '系统', name: actorName };
}

export function auditFieldLabel(entityType: string, field: string): string | undefined {
  return AUDIT_FIELD_LABELS[`${entityType}.${field}`] ?? AUDIT_FIELD_LABELS[field];
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function auditEntityLabel(entityType: string): string {
  return AUDIT_ENTITY_LABELS[entityType] ?? entityType;
}
