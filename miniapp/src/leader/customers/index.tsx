import { useCallback, useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  ErrorCode,
  MEMBER_CHANNEL_LABELS,
  type CommunityView,
  type LeaderCustomerView,
} from '@linli/shared-types';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { LeaderGateState } from '../components/leader-gate-state';
import { FilterChips, SearchBox } from '../components/list-filters';
import { usePagedList } from '@/hooks/use-paged-list';
import { ensureLogin } from '@/services/auth';
import { fetchCustomers, fetchMyCommunities } from '@/services/communities';
import { ApiError } from '@/services/request';
import { joinMeta } from '@/utils/community';
import { initialOf } from '@/utils/display';
import { formatShanghaiDate } from '@/utils/shanghai-time';
import { SkeletonCard } from '../components/skeleton-card';
import './index.scss';

type Phase = 'loading' | 'ready' | 'not-leader' | 'error' | 'signed-out';

const PAGE_SIZE = 20;

function CustomerItem({ customer }: { customer: LeaderCustomerView }) {
  return (
    <View className="customer-item" id={`customer-${customer.memberId}`}>
      {customer.avatarUrl ? (
        <Image className="customer-item__avatar" src={customer.avatarUrl} mode="aspectFill" />
      ) : (
        <View className="customer-item__avatar customer-item__avatar--initial">
          <Text>{initialOf(customer.nickname)}</Text>
        </View>
      )}
      <View className="customer-item__info">
        <View className="customer-item__top">
          <Text className="customer-item__name">{customer.nickname}</Text>
          <Text className="customer-item__channel">{MEMBER_CHANNEL_LABELS[customer.channel]}</Text>
        </View>
        <Text className="customer-item__meta">
          {joinMeta([
            customer.phoneMasked ?? '未留手机号',
            `${formatShanghaiDate(customer.joinedAt)}加入`,
            customer.boundToMe ? null : '在其他自提点取货',
          ])}
        </Text>
        {customer.communities.length > 0 ? (
          <View className="customer-item__chips">
            {customer.communities.map((c) => (
              <Text key={c.id} className="customer-item__chip">
                {c.name}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  );
}

export default function LeaderCustomersPage() {
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState('');
  const [communities, setCommunities] = useState<CommunityView[]>([]);
  const [communityId, setCommunityId] = useState<number | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [keyword, setKeyword] = useState('');

  const fetchCustomerPage = useCallback(
    (page: number) =>
      fetchCustomers({ page, pageSize: PAGE_SIZE, keyword: keyword || undefined, communityId }),
    [keyword, communityId],
  );
  const customers = usePagedList({
    fetchPage: fetchCustomerPage,
    keyOf: (c: LeaderCustomerView) => c.memberId,
    onLoaded: () => setPhase('ready'),
    takeOver: (caught) => {
      if (!(caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE)) return false;
      setError(caught.message);
      setPhase('not-leader');
      return true;
    },
    onFirstPageError: (message) => {
      setError(message);
      setPhase('error');
    },
  });
  const { list, load: loadPage, startOver } = customers;

  const start = useCallback(async () => {
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return;
      }
      setCommunities(await fetchMyCommunities());
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE) {
        setError(caught.message);
        setPhase('not-leader');
        return;
      }
      // The chips are optional: the list below still loads (and shows its own error).
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  // A new filter starts over from page 1.
  useEffect(() => {
    startOver();
    void loadPage(1);
  }, [loadPage, startOver]);

  if (phase === 'loading' && !list) {
    return (
      <View className="customers-page" id="customers-loading">
        <SkeletonCard lines={[30, 70, 50]} />
        <SkeletonCard lines={[30, 70, 50]} />
        <SkeletonCard lines={[30, 70, 50]} />
      </View>
    );
  }

  if (phase === 'not-leader' || phase === 'signed-out' || phase === 'error') {
    return (
      <View className="customers-page">
        <View className="customers-panel">
          <LeaderGateState
            phase={phase}
            idPrefix="customers"
            activity="查看客户"
            pageName="我的客户"
            error={error}
            onRetry={() => {
              setPhase('loading');
              void loadPage(1);
            }}
          />
        </View>
      </View>
    );
  }

  const filtered = Boolean(keyword) || communityId !== undefined;
  return (
    <View className="customers-page" id="customers-page">
      <SearchBox
        className="customers-search"
        id="customers-search"
        placeholder="搜索昵称或手机尾号"
        draft={draft}
        onDraftChange={setDraft}
        onSearch={() => setKeyword(draft.trim())}
      />

      {communities.length > 0 ? (
        <FilterChips
          prefix="customers"
          allLabel="全部客户"
          options={communities.map((c) => ({ id: c.id, label: c.name }))}
          value={communityId}
          onChange={setCommunityId}
        />
      ) : null}

      <Text className="customers-total" id="customers-total">
        {list
          ? `共 ${list.total} 位${communityId === undefined ? '绑定在我这里的' : '社群成员'}客户`
          : '加载中…'}
      </Text>

      {list && list.items.length === 0 ? (
        <View className="customers-panel">
          <StateView
            id="customers-empty"
            illustration="person"
            title={filtered ? '没有找到客户' : '还没有客户'}
            description={
              filtered ? '换个关键词或社群试试' : '把社群二维码发到微信群，邻居扫码后会出现在这里。'
            }
            actionText={filtered ? undefined : '去我的社群'}
            onAction={filtered ? undefined : () => void Taro.redirectTo({ url: '/leader/communities/index' })}
          />
        </View>
      ) : list ? (
        <View className="customers-list" id="customers-list">
          {list.items.map((customer) => (
            <CustomerItem key={customer.memberId} customer={customer} />
          ))}
        </View>
      ) : (
        <SkeletonCard lines={[30, 70, 50]} />
      )}

      {list && list.items.length > 0 ? (
        <ListFooter paged={customers} idPrefix="customers" className="customers-footer" />
      ) : null}
    </View>
  );
}
