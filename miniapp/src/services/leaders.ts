import {
  type LeaderAgreement,
  type LeaderApplicationRequest,
  type LeaderApplicationView,
  type RecruitView,
} from '@linli/shared-types';
import { get, post } from './request';

/** The leader endpoints of the mini-program. All calls are silent: the screens show errors in place. */

export function fetchLeaderAgreement(): Promise<LeaderAgreement> {
  return get<LeaderAgreement>('/api/app/leader-agreement', undefined, { auth: false, silent: true });
}

/** The caller's own application / leader record, or null when they never applied. */
export async function fetchMyApplication(): Promise<LeaderApplicationView | null> {
  const view = await get<LeaderApplicationView | null | undefined>(
    '/api/app/leader-applications/mine',
    undefined,
    { silent: true },
  );
  // A null body may arrive as '' (→ undefined) or as JSON null depending on the platform.
  return view ?? null;
}

export function submitApplication(body: LeaderApplicationRequest): Promise<LeaderApplicationView> {
  return post<LeaderApplicationView>('/api/app/leader-applications', body, { silent: true });
}

export function fetchRecruits(): Promise<RecruitView[]> {
  return get<RecruitView[]>('/api/app/leader/recruits', undefined, { silent: true });
}
