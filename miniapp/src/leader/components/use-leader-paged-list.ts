import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ErrorCode, type Paged } from '@linli/shared-types';
import { usePagedList, type PagedListState } from '@/hooks/use-paged-list';
import { ensureLogin } from '@/services/auth';
import { ApiError } from '@/services/request';
import { type LeaderGatePhase } from './leader-gate-state';

export type LeaderListPhase = 'loading' | 'ready' | LeaderGatePhase;

export interface LeaderPagedList<T> {
  phase: LeaderListPhase;
  error: string;
  paged: PagedListState<T>;
  /** From the error state: page 1 again. */
  retry: () => void;
}

/**
 * A leader screen's list (佣金明细, 提现记录): signs in, loads page 1 whenever `fetchPage` changes (new
 * filters) and again on return to the page or a pull-down (money moves while away), and turns "not a
 * leader", "signed out" and a first-page failure into the page's gate state.
 */
export function useLeaderPagedList<T>(
  fetchPage: (page: number) => Promise<Paged<T>>,
  keyOf: (item: T) => number,
): LeaderPagedList<T> {
  const [phase, setPhase] = useState<LeaderListPhase>('loading');
  const [error, setError] = useState('');

  const fetchSignedIn = useCallback(
    async (page: number) => {
      if (!(await ensureLogin())) {
        setPhase('signed-out');
        return null;
      }
      return fetchPage(page);
    },
    [fetchPage],
  );
  const paged = usePagedList<T>({
    fetchPage: fetchSignedIn,
    keyOf,
    onLoaded: () => setPhase('ready'),
    takeOver: (caught) => {
      if (!(caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE)) return false;
      setPhase('not-leader');
      return true;
    },
    onFirstPageError: (message) => {
      setError(message);
      setPhase('error');
    },
  });
  const { load, startOver } = paged;

  // New filters start the list over from page 1.
  useEffect(() => {
    startOver();
    void load(1);
  }, [load, startOver]);

  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void load(1);
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void load(1).finally(() => Taro.stopPullDownRefresh());
  });

  const retry = useCallback(() => {
    setPhase('loading');
    void load(1);
  }, [load]);

  return { phase, error, paged, retry };
}
