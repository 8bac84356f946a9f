import { useCallback, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { COMMUNITY_STATUS_LABELS, CommunityStatus, ErrorCode, type CommunityView } from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { LeaderGateState } from '../components/leader-gate-state';
import { StatusBadge } from '@/components/status-badge';
import { ensureLogin } from '@/services/auth';
import { createCommunity, fetchMyCommunities, updateCommunity } from '@/services/communities';
import { ApiError } from '@/services/request';
import { COMMUNITY_NAME_MAX, communityNameError } from '@/utils/community';
import { formatShanghaiDate } from '@/utils/shanghai-time';
import { SkeletonCard } from '../components/skeleton-card';
import './index.scss';

type Phase = 'loading' | 'ready' | 'not-leader' | 'error' | 'signed-out';

const messageOf = (caught: unknown, fallback: string) =>
  caught instanceof ApiError ? caught.message : fallback;

/** The name editor used to create a community and to rename one. */
function NameEditor({
  id,
  initial,
  submitText,
  onSubmit,
  onCancel,
}: {
  id: string;
  initial: string;
  submitText: string;
  onSubmit: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const invalid = communityNameError(name);
    if (invalid) {
      setError(invalid);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(name.trim());
    } catch (caught) {
      setError(messageOf(caught, '保存失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="community-editor" id={id}>
      <Input
        className="community-editor__input"
        id={`${id}-input`}
        value={name}
        maxlength={COMMUNITY_NAME_MAX}
        placeholder="例如：翠苑一区1号楼团购群"
        focus
        onInput={(event) => {
          setName(event.detail.value);
          setError('');
        }}
        onConfirm={() => void submit()}
      />
      {error ? <Text className="community-editor__error">{error}</Text> : null}
      <View className="community-editor__actions">
        <View className="btn btn--ghost community-editor__btn" onClick={onCancel}>
          取消
        </View>
        <View
          className={`btn btn--primary community-editor__btn ${busy ? 'is-busy' : ''}`}
          id={`${id}-submit`}
          onClick={() => (busy ? undefined : void submit())}
        >
          {busy ? '保存中…' : submitText}
        </View>
      </View>
    </View>
  );
}

function CommunityCard({
  community,
  renaming,
  onRename,
  onRenamed,
  onCancelRename,
  onToggleArchive,
}: {
  community: CommunityView;
  renaming: boolean;
  onRename: () => void;
  onRenamed: (name: string) => Promise<void>;
  onCancelRename: () => void;
  onToggleArchive: () => void;
}) {
  const archived = community.status === CommunityStatus.ARCHIVED;
  return (
    <View
      className={`community-card ${archived ? 'community-card--archived' : ''}`}
      id={`community-${community.id}`}
    >
      <View className="community-card__head">
        <View className="community-card__icon">
          <Text>群</Text>
        </View>
        <View className="community-card__info">
          <Text className="community-card__name">{community.name}</Text>
          <Text className="community-card__meta">
            {community.memberCount} 位成员 · {formatShanghaiDate(community.createdAt)}创建
          </Text>
        </View>
        <StatusBadge
          label={COMMUNITY_STATUS_LABELS[community.status]}
          tone={archived ? 'muted' : 'success'}
        />
      </View>
      {renaming ? (
        <NameEditor
          id="community-rename"
          initial={community.name}
          submitText="保存"
          onSubmit={onRenamed}
          onCancel={onCancelRename}
        />
      ) : (
        <View className="community-card__actions">
          <Text className="community-card__action" onClick={onRename}>
            改名
          </Text>
          <Text
            className="community-card__action"
            id={`community-archive-${community.id}`}
            onClick={onToggleArchive}
          >
            {archived ? '恢复使用' : '归档'}
          </Text>
          {archived ? null : (
            <View
              className="btn btn--primary community-card__invite"
              id={`community-invite-${community.id}`}
              onClick={() =>
                void Taro.navigateTo({ url: `/leader/community-invite/index?id=${community.id}` })
              }
            >
              邀请入群
            </View>
          )}
        </View>
      )}
    </View>
  );
}

export default function LeaderCommunitiesPage() {
  const [phase, setPhase] = useState<Phase>('loading');
  const [communities, setCommunities] = useState<CommunityView[]>([]);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const shown = useRef(false);

  const load = useCallback(async () => {
    if (!shown.current) setPhase('loading');
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return;
      }
      setCommunities(await fetchMyCommunities());
      shown.current = true;
      setPhase('ready');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE) {
        setError(caught.message);
        setPhase('not-leader');
        return;
      }
      setError(messageOf(caught, '加载失败，请稍后重试'));
      setPhase('error');
    }
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const replace = (updated: CommunityView) =>
    setCommunities((list) => list.map((c) => (c.id === updated.id ? updated : c)));

  const create = async (name: string) => {
    const created = await createCommunity({ name });
    setCommunities((list) => [created, ...list]);
    setCreating(false);
    void Taro.showToast({ title: '社群已创建', icon: 'success' });
  };

  const toggleArchive = async (community: CommunityView) => {
    const archiving = community.status === CommunityStatus.ACTIVE;
    if (archiving) {
      const { confirm } = await Taro.showModal({
        title: '归档社群',
        content: `归档后「${community.name}」的邀请二维码将失效，已有成员不受影响。`,
        confirmText: '归档',
        confirmColor: '#e5484d',
      });
      if (!confirm) return;
    }
    try {
      replace(
        await updateCommunity(community.id, {
          status: archiving ? CommunityStatus.ARCHIVED : CommunityStatus.ACTIVE,
        }),
      );
      void Taro.showToast({ title: archiving ? '已归档' : '已恢复使用', icon: 'success' });
    } catch (caught) {
      void Taro.showToast({ title: messageOf(caught, '操作失败，请稍后重试'), icon: 'none' });
    }
  };

  if (phase === 'loading') {
    return (
      <View className="communities-page" id="communities-loading">
        <SkeletonCard lines={[40, 70, 50]} />
        <SkeletonCard lines={[40, 70, 50]} />
      </View>
    );
  }

  if (phase !== 'ready') {
    return (
      <View className="communities-page">
        <View className="communities-panel">
          <LeaderGateState
            phase={phase}
            idPrefix="communities"
            activity="管理社群"
            pageName="我的社群"
            error={error}
            onRetry={() => void load()}
          />
        </View>
      </View>
    );
  }

  const members = communities.reduce((sum, c) => sum + c.memberCount, 0);
  const active = communities.filter((c) => c.status === CommunityStatus.ACTIVE).length;
  return (
    <View className="communities-page" id="communities-page">
      <View className="communities-summary">
        <View className="communities-summary__figures">
          <View className="communities-summary__figure">
            <Text className="communities-summary__count" id="communities-count">
              {active}
            </Text>
            <Text className="communities-summary__unit">个使用中的社群</Text>
          </View>
          <View className="communities-summary__figure">
            <Text className="communities-summary__count">{members}</Text>
            <Text className="communities-summary__unit">位成员</Text>
          </View>
        </View>
        <Text className="communities-summary__hint">
          把社群二维码发到微信群，邻居扫码即加入并成为你的客户
        </Text>
      </View>

      {creating ? (
        <View className="communities-panel communities-panel--form">
          <Text className="communities-panel__title">新建社群</Text>
          <NameEditor
            id="community-create"
            initial=""
            submitText="创建"
            onSubmit={create}
            onCancel={() => setCreating(false)}
          />
        </View>
      ) : (
        <View
          className="btn btn--primary btn--block communities-new"
          id="communities-new"
          onClick={() => setCreating(true)}
        >
          ＋ 新建社群
        </View>
      )}

      {communities.length === 0 ? (
        <View className="communities-panel">
          <StateView
            id="communities-empty"
            illustration="person"
            title="还没有社群"
            description="为你的每个微信群建一个社群，生成专属二维码；扫码进来的邻居会记在这个群名下。"
          />
        </View>
      ) : (
        <View id="communities-list">
          {communities.map((community) => (
            <CommunityCard
              key={community.id}
              community={community}
              renaming={renamingId === community.id}
              onRename={() => setRenamingId(community.id)}
              onCancelRename={() => setRenamingId(null)}
              onRenamed={async (name) => {
                replace(await updateCommunity(community.id, { name }));
                setRenamingId(null);
              }}
              onToggleArchive={() => void toggleArchive(community)}
            />
          ))}
        </View>
      )}
    </View>
  );
}
