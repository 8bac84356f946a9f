import type { HealthResponse } from '@linli/shared-types';
import { api } from '../../api';

/** GET /api/health answers 503 with the same body when a component is down; that is data, not a failure. */
export function fetchHealth(): Promise<HealthResponse> {
  return api.request<HealthResponse>('GET', '/api/health', { auth: false, acceptStatus: [503] });
}

/** `3 天 4 小时`, `5 小时 12 分`, `42 秒`: uptime at a glance. */
export function formatUptime(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  if (days > 0) return `${days} 天 ${hours} 小时`;
  if (hours > 0) return `${hours} 小时 ${minutes} 分`;
  if (minutes > 0) return `${minutes} 分 ${s % 60} 秒`;
  return `${s} 秒`;
}
