import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorCode, type CommissionStatement, type StatementPeriod } from '@linli/shared-types';
import { ensureLogin } from '@/services/auth';
import { fetchCommissionStatement } from '@/services/commission';
import { ApiError } from '@/services/request';
import { type LeaderGatePhase } from '../components/leader-gate-state';

export type StatementLoad =
  | { phase: 'loading' }
  | { phase: 'ready'; statement: CommissionStatement }
  // One member per gate phase, so that checking the phase narrows to it.
  | { [P in LeaderGatePhase]: { phase: P; error: string } }[LeaderGatePhase];

/**
 * The statement of one period, loaded again whenever the period changes. Unlike useBuyerPage it never
 * shows the previous period's figures under the new period's title, and a late answer for a period the
 * leader already left is dropped.
 */
export function useStatement(period: StatementPeriod, date: string): StatementLoad & { reload: () => void } {
  const [load, setLoad] = useState<StatementLoad>({ phase: 'loading' });
  const version = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++version.current;
    const settle = (next: StatementLoad) => (mine === version.current ? setLoad(next) : undefined);
    setLoad({ phase: 'loading' });
    try {
      if (!(await ensureLogin())) {
        settle({ phase: 'signed-out', error: '' });
        return;
      }
      settle({ phase: 'ready', statement: await fetchCommissionStatement(period, date) });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught.message : '加载失败，请稍后重试';
      const notLeader = caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE;
      settle(notLeader ? { phase: 'not-leader', error } : { phase: 'error', error });
    }
  }, [period, date]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...load, reload: () => void reload() };
}
