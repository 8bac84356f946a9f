import type { AuditLogEntry, AuditLogQuery, Paged } from '@linli/shared-types';
import {
  CAMPAIGN_STATUS_LABELS,
  LEADER_STATUS_LABELS,
  STAFF_ROLE_LABELS,
  type StaffRole,
} from '@linli/shared-types';
import { api } from '../../../api';
import { pageFromSearch, pageToSearch, positiveInt } from '../../../utils/url-query';

export const auditKeys = {
  all: ['audit-logs'] as const,
  list: (query: AuditLogQuery) => ['audit-logs', 'list', query] as const,
};

export function fetchAuditLogs(query: AuditLogQuery): Promise<Paged<AuditLogEntry>> {
  return api.get<Paged<AuditLogEntry>>('/api/admin/audit-logs', { ...query });
}

function isoOrUndefined(raw: string | null): string | undefined {
  return raw && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
}

/** Filters and page live in the URL so a link to "what did #12 do yesterday" can be shared. */
export function queryFromSearch(params: URLSearchParams): AuditLogQuery {
  return {
    ...pageFromSearch(params),
    actorId: positiveInt(params.get('actorId')),
    action: params.get('action')?.trim() || undefined,
    entityType: params.get('entityType')?.trim() || undefined,
    entityId: params.get('entityId')?.trim() || undefined,
    from: isoOrUndefined(params.get('from')),
    to: isoOrUndefined(params.get('to')),
  };
}

export function searchFromQuery(query: AuditLogQuery): Record<string, string> {
  const out = pageToSearch(query);
  if (query.actorId) out.actorId = String(query.actorId);
  if (query.action) out.action = query.action;
  if (query.entityType) out.entityType = query.entityType;
  if (query.entityId) out.entityId = query.entityId;
  if (query.from) out.from = query.from;
  if (query.to) out.to = query.to;
  return out;
}

const STATUS_TEXT: Record<string, string> = {
  active: '正常',
  disabled: '已停用',
  on_sale: '在售',
  off_sale: '已下架',
  failed: '投递失败',
  requeued: '已重新排队',
  ...CAMPAIGN_STATUS_LABELS,
  pending: LEADER_STATUS_LABELS.pending,
  rejected: LEADER_STATUS_LABELS.rejected,
  suspended: LEADER_STATUS_LABELS.suspended,
};
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Human text for one snapshot value, with the few fields we know rendered in Chinese. */
export function formatAuditValue(field: string, value: unknown): string {
  if (value === undefined) return '（无）';
  if (value === null || value === '') return '（空）';
  if (field === 'roles' && Array.isArray(value)) {
    return value.length
      ? value.map((r) => STAFF_ROLE_LABELS[r as StaffRole] ?? String(r)).join('、')
      : '（无角色）';
  }
  if (field === 'status' && typeof value === 'string') return STATUS_TEXT[value] ?? value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && ISO_PATTERN.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d.toLocaleString('zh-CN', { hour12: false });
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
