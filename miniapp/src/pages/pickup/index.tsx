import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { ErrorCode, type PickupPointChoice } from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { ensureLogin, login } from '@/services/auth';
import { locate, type LocateFailure } from '@/services/location';
import { choosePickupPoint, fetchPickupPoints } from '@/services/members';
import { ApiError, showErrorToast } from '@/services/request';
import {
  type Coordinates,
  hasMorePickupPoints,
  INITIAL_PICKUP_LIST,
  pickupListReducer,
  pickupRequestKey,
  pickupSearchQuery,
} from '@/utils/pickup-list';
import { PickupItem, PickupSkeleton } from './pickup-item';
import './index.scss';

type Position =
  | { state: 'locating' }
  | { state: 'located'; coords: Coordinates }
  | { state: 'failed'; reason: LocateFailure };

type Access = 'checking' | 'ready' | 'signed-out';

const SEARCH_DELAY_MS = 400;

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : '加载失败，请稍后重试';
}

/** Toast text for a failed switch; these codes are expected while the list is open. */
function switchErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === ErrorCode.MEMBER_TARGET_LEADER_INVALID) return '该自提点已暂停服务，请选择其他自提点';
    if (error.code === ErrorCode.MEMBER_ALREADY_AT_LEADER) return '这已经是你的当前自提点';
    return error.message;
  }
  return '切换失败，请稍后重试';
}

function LocationHint({ position, onRetry }: { position: Position; onRetry: () => void }) {
  if (position.state === 'locating') {
    return (
      <View className="pickup-hint" id="pickup-location-hint">
        <View className="pickup-hint__dot pickup-hint__dot--busy" />
        <Text className="pickup-hint__text">正在获取你的位置…</Text>
      </View>
    );
  }
  if (position.state === 'located') {
    return (
      <View className="pickup-hint" id="pickup-location-hint">
        <View className="pickup-hint__dot" />
        <Text className="pickup-hint__text">已按离你的距离排序</Text>
        <Text className="pickup-hint__action" onClick={onRetry}>
          重新定位
        </Text>
      </View>
    );
  }
  return (
    <View className="pickup-hint pickup-hint--muted" id="pickup-location-hint">
      <View className="pickup-hint__dot pickup-hint__dot--off" />
      <Text className="pickup-hint__text">
        {position.reason === 'denied' ? '未授权定位，已按名称排列' : '暂时无法定位，已按名称排列'}
      </Text>
      <Text className="pickup-hint__action" id="pickup-locate-retry" onClick={onRetry}>
        重新定位
      </Text>
    </View>
  );
}

export default function PickupPage() {
  const [access, setAccess] = useState<Access>('checking');
  const [position, setPosition] = useState<Position>({ state: 'locating' });
  const [keywordInput, setKeywordInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const [list, dispatch] = useReducer(pickupListReducer, INITIAL_PICKUP_LIST);
  const [switching, setSwitching] = useState(false);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const coords = position.state === 'located' ? position.coords : null;
  const positionSettled = position.state !== 'locating';

  const findPosition = useCallback(async () => {
    setPosition({ state: 'locating' });
    const result = await locate();
    setPosition(
      result.ok ? { state: 'located', coords: result.coords } : { state: 'failed', reason: result.reason },
    );
  }, []);

  const loadPage = useCallback(
    async (page: number) => {
      const requestKey = pickupRequestKey(keyword, coords);
      dispatch(page === 1 ? { type: 'start', requestKey } : { type: 'start-more' });
      try {
        const result = await fetchPickupPoints(pickupSearchQuery(keyword, coords, page));
        dispatch({ type: 'loaded', requestKey, result });
      } catch (caught) {
        dispatch({ type: 'failed', requestKey, message: errorText(caught) });
        if (page > 1) showErrorToast(errorText(caught));
      }
    },
    [keyword, coords],
  );

  useEffect(() => {
    void ensureLogin()
      .then((member) => setAccess(member ? 'ready' : 'signed-out'))
      .catch(() => setAccess('ready')); // the list call below shows the real error
    void findPosition();
  }, [findPosition]);

  // A new keyword or a settled position starts the list over.
  useEffect(() => {
    if (access === 'ready' && positionSettled) void loadPage(1);
  }, [access, positionSettled, loadPage]);

  useEffect(() => () => clearTimeout(searchTimer.current), []);

  const hasMore = hasMorePickupPoints(list);
  const loadMore = useCallback(() => {
    if (hasMore && list.status === 'ready') void loadPage(list.page + 1);
  }, [hasMore, list.status, list.page, loadPage]);

  useReachBottom(loadMore);

  const onKeywordInput = (value: string) => {
    setKeywordInput(value);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => setKeyword(value.trim()), SEARCH_DELAY_MS);
  };

  const searchNow = () => {
    clearTimeout(searchTimer.current);
    setKeyword(keywordInput.trim());
  };

  const clearSearch = () => {
    clearTimeout(searchTimer.current);
    setKeywordInput('');
    setKeyword('');
  };

  const choose = useCallback(
    async (choice: PickupPointChoice) => {
      if (switching) return;
      if (choice.current) {
        void Taro.showToast({ title: '这已经是你的当前自提点', icon: 'none' });
        return;
      }
      const { confirm } = await Taro.showModal({
        title: '切换自提点',
        content: `切换到「${choice.pickupPoint.name}」（团长 ${choice.leaderName}）？之后下单都到这里取货。`,
        confirmText: '切换',
        confirmColor: '#1f9d55',
      });
      if (!confirm) return;
      setSwitching(true);
      try {
        await choosePickupPoint(choice.leaderId);
        void Taro.showToast({ title: '已切换自提点', icon: 'success', duration: 1500 });
        // 首页 reloads on show and offers the new leader's campaigns.
        await Taro.switchTab({ url: '/pages/index/index' });
      } catch (caught) {
        showErrorToast(switchErrorText(caught));
        // The list may be stale (leader paused, switched on another device): show it as it is now.
        if (caught instanceof ApiError && caught.status >= 400 && caught.status < 500) void loadPage(1);
      } finally {
        setSwitching(false);
      }
    },
    [switching, loadPage],
  );

  const signIn = async () => {
    try {
      await login();
      setAccess('ready');
    } catch (caught) {
      showErrorToast(errorText(caught));
    }
  };

  const firstLoad = list.status === 'loading' || list.status === 'idle';
  const failedEmpty = list.status === 'error' && list.items.length === 0;

  return (
    <View className="pickup-page">
      <View className="pickup-top">
        <View className="pickup-search">
          <View className="pickup-search__icon" />
          <Input
            id="pickup-search"
            className="pickup-search__input"
            value={keywordInput}
            placeholder="搜索自提点名称或地址"
            placeholderClass="pickup-search__placeholder"
            confirmType="search"
            maxlength={40}
            onInput={(event) => onKeywordInput(event.detail.value)}
            onConfirm={searchNow}
          />
          {keywordInput ? (
            <Text className="pickup-search__clear" id="pickup-search-clear" onClick={clearSearch}>
              清除
            </Text>
          ) : null}
        </View>
        <LocationHint position={position} onRetry={() => void findPosition()} />
      </View>

      {access === 'signed-out' ? (
        <View className="pickup-panel">
          <StateView
            id="pickup-signed-out"
            illustration="person"
            title="登录后选择自提点"
            description="选好自提点，团长的今日上新就会出现在首页"
            actionText="登录"
            actionId="pickup-login"
            onAction={() => void signIn()}
          />
        </View>
      ) : null}

      {access !== 'signed-out' && firstLoad ? (
        <View id="pickup-loading">
          <PickupSkeleton />
          <PickupSkeleton />
          <PickupSkeleton />
        </View>
      ) : null}

      {access !== 'signed-out' && failedEmpty ? (
        <View className="pickup-panel">
          <StateView
            id="pickup-error"
            illustration="alert"
            title="自提点加载失败"
            description={list.error ?? undefined}
            actionText="重试"
            actionId="pickup-retry"
            onAction={() => void loadPage(1)}
          />
        </View>
      ) : null}

      {access !== 'signed-out' && list.status === 'ready' && list.items.length === 0 ? (
        <View className="pickup-panel">
          <StateView
            id="pickup-empty"
            illustration="basket"
            title={keyword ? `没有找到“${keyword}”相关的自提点` : '附近还没有自提点'}
            description={keyword ? '换个小区名或路名试试' : '团长正在招募中，晚点再来看看'}
            actionText={keyword ? '清除搜索' : undefined}
            actionId="pickup-empty-clear"
            onAction={keyword ? clearSearch : undefined}
          />
        </View>
      ) : null}

      {list.items.length > 0 ? (
        <View id="pickup-list" className="pickup-list">
          <Text className="pickup-list__count">共 {list.total} 个自提点</Text>
          {list.items.map((choice) => (
            <PickupItem key={choice.leaderId} choice={choice} onChoose={(c) => void choose(c)} />
          ))}
          {hasMore ? (
            <View
              id="pickup-load-more"
              className={`pickup-more${list.status === 'loading-more' ? ' pickup-more--busy' : ''}`}
              onClick={list.status === 'loading-more' ? undefined : () => void loadPage(list.page + 1)}
            >
              {list.status === 'loading-more'
                ? '加载中…'
                : list.status === 'error'
                  ? '加载失败，点击重试'
                  : '加载更多'}
            </View>
          ) : (
            <Text className="pickup-list__end" id="pickup-end">
              没有更多了
            </Text>
          )}
        </View>
      ) : null}
    </View>
  );
}
