import { useCallback, useRef, useState } from 'react';
import { ensureLogin, login } from '@/services/auth';
import { ApiError, ClientErrorCode, showErrorToast } from '@/services/request';

export type BuyerPagePhase = 'loading' | 'ready' | 'error' | 'not-found' | 'signed-out' | 'login-unavailable';

export interface BuyerPage<T> {
  phase: BuyerPagePhase;
  data: T | null;
  error: string;
  /** Loads (again); keeps showing loaded data while refreshing and toasts a refresh failure. */
  reload: () => Promise<void>;
  /** 登录 after 退出登录, then load. */
  signIn: () => Promise<void>;
}

const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.message : '加载失败，请稍后重试');

/**
 * A buyer page that may be the first screen of a run (a share card, poster or H5 link lands on it): log
 * in first, so the link's leader entry reaches the server before anything else, then load.
 * `notFoundCodes`: API error codes that mean "this thing is not (or no longer) there".
 */
export function useBuyerPage<T>(loader: () => Promise<T>, notFoundCodes: string[]): BuyerPage<T> {
  const [phase, setPhase] = useState<BuyerPagePhase>('loading');
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const loaded = useRef(false);

  const reload = useCallback(async () => {
    if (!loaded.current) setPhase('loading');
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return;
      }
      setData(await loader());
      loaded.current = true;
      setPhase('ready');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === ClientErrorCode.LOGIN_UNAVAILABLE) {
        setError(caught.message);
        setPhase('login-unavailable');
      } else if (caught instanceof ApiError && notFoundCodes.includes(caught.code)) {
        setError(caught.message);
        setPhase('not-found');
      } else if (loaded.current) {
        showErrorToast(messageOf(caught));
      } else {
        setError(messageOf(caught));
        setPhase('error');
      }
    }
    // notFoundCodes is a constant list at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loader]);

  const signIn = useCallback(async () => {
    try {
      await login();
      await reload();
    } catch (caught) {
      showErrorToast(messageOf(caught));
    }
  }, [reload]);

  return { phase, data, error, reload, signIn };
}
