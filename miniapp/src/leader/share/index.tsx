import { useCallback, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { ErrorCode, type CampaignShareView } from '@linli/shared-types';
import { ensureLogin } from '@/services/auth';
import { fetchCampaignShare } from '@/services/campaigns';
import { ApiError } from '@/services/request';
import { assetUrl } from '@/services/uploads';
import { LeaderGateState } from '../components/leader-gate-state';
import { StateView } from '@/components/state-view';
import './index.scss';

type Phase = 'loading' | 'ready' | 'not-leader' | 'not-found' | 'error' | 'signed-out';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** weapp: saveImageToPhotosAlbum takes local files only, so the server's PNG is downloaded first. */
async function savePosterToAlbum(share: CampaignShareView): Promise<void> {
  const download = await Taro.downloadFile({ url: assetUrl(share.posterUrl) });
  if (download.statusCode !== 200) throw new Error(`download ${download.statusCode}`);
  await Taro.saveImageToPhotosAlbum({ filePath: download.tempFilePath });
}

/** Height over width of the poster; a phone-screen shape if the server sent no size. */
function posterRatio(share: CampaignShareView): number {
  return share.posterWidth > 0 && share.posterHeight > 0 ? share.posterHeight / share.posterWidth : 16 / 9;
}

function errorText(caught: unknown): string {
  if (caught instanceof Error) return caught.message;
  if (caught && typeof caught === 'object' && 'errMsg' in caught) return String(caught.errMsg);
  return '';
}

/** 分享海报: the server-drawn poster (save to album / long-press on H5), the share card, and the H5 link. */
export default function SharePosterPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [phase, setPhase] = useState<Phase>('loading');
  const [share, setShare] = useState<CampaignShareView | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    if (!Number.isInteger(id) || id <= 0) {
      setPhase('not-found');
      return;
    }
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return;
      }
      setShare(await fetchCampaignShare(id));
      setPhase('ready');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE) {
        setPhase('not-leader');
      } else if (caught instanceof ApiError && caught.code === ErrorCode.CAMPAIGN_NOT_FOUND) {
        setPhase('not-found');
      } else {
        setError(caught instanceof ApiError ? caught.message : '海报生成失败，请稍后重试');
        setPhase('error');
      }
    }
  }, [id]);

  useDidShow(() => {
    if (isWeapp) void Taro.showShareMenu({ withShareTicket: true });
    if (!share) void load();
  });

  // The share card opens the campaign page with this leader's code: new buyers are attributed to them.
  useShareAppMessage(() =>
    share
      ? {
          title: share.shareTitle,
          path: share.sharePath,
          imageUrl: share.shareImageUrl ? assetUrl(share.shareImageUrl) : undefined,
        }
      : { title: '邻里团购', path: '/pages/index/index' },
  );

  const copyLink = () => {
    if (!share) return;
    void Taro.setClipboardData({ data: share.h5Link }).then(() =>
      Taro.showToast({ title: '链接已复制', icon: 'success' }),
    );
  };

  const save = async () => {
    if (!share || saving) return;
    setSaving(true);
    try {
      await savePosterToAlbum(share);
      void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch (caught) {
      const denied = /auth|deny/i.test(errorText(caught));
      void Taro.showToast({
        title: denied ? '请在设置中允许保存到相册' : '保存失败，请长按海报保存',
        icon: 'none',
      });
    } finally {
      setSaving(false);
    }
  };

  if (phase === 'loading') {
    return (
      <View className="poster-page" id="share-loading">
        <View className="poster-card poster-card--loading">
          <View className="poster-card__spinner" />
          <Text className="poster-card__loading-text">正在生成海报…</Text>
        </View>
      </View>
    );
  }

  if (phase !== 'ready' || !share) {
    return (
      <View className="poster-page">
        <View className="poster-card">
          {phase === 'not-found' ? (
            <StateView
              id="share-not-found"
              illustration="basket"
              title="这场团购已结束或未在你的自提点开团"
              description="回到列表，分享正在进行的团购"
              actionText="返回列表"
              actionId="share-back"
              onAction={() => void Taro.redirectTo({ url: '/leader/share-campaigns/index' })}
            />
          ) : (
            <LeaderGateState
              phase={phase === 'ready' ? 'error' : phase}
              idPrefix="share"
              activity="分享团购海报"
              pageName="分享海报"
              error={error}
              onRetry={() => {
                setPhase('loading');
                void load();
              }}
            />
          )}
        </View>
      </View>
    );
  }

  return (
    <View className="poster-page" id="share-page">
      <View className="poster-card">
        {/* The frame keeps the poster's aspect ratio, so the image neither crops nor jumps while loading. */}
        <View className="poster-card__frame" style={{ paddingTop: `${posterRatio(share) * 100}%` }}>
          <Image
            className="poster-card__image"
            id="share-poster"
            src={assetUrl(share.posterUrl)}
            mode="aspectFit"
            showMenuByLongpress
          />
        </View>
      </View>
      <Text className="poster-hint" id="share-hint">
        {isWeapp ? '保存海报发到朋友圈或微信群' : '长按海报保存图片，发到朋友圈或微信群'}
        {share.codeKind === 'wxacode' ? '，邻居微信扫码直接打开小程序' : '，邻居扫码即可打开团购'}
      </Text>

      <View className="poster-actions">
        {isWeapp ? (
          <>
            <View className="btn btn--ghost poster-actions__btn" id="share-save" onClick={() => void save()}>
              {saving ? '保存中…' : '保存到相册'}
            </View>
            <Button className="btn btn--primary poster-actions__btn" id="share-card" openType="share">
              发给微信好友
            </Button>
          </>
        ) : (
          <View className="btn btn--primary btn--block" id="share-copy-primary" onClick={copyLink}>
            复制团购链接
          </View>
        )}
      </View>

      <View className="poster-link">
        <Text className="poster-link__label">团购链接</Text>
        <Text className="poster-link__url" id="share-link" selectable>
          {share.h5Link}
        </Text>
        {isWeapp ? (
          <View className="btn btn--ghost poster-link__copy" id="share-copy" onClick={copyLink}>
            复制链接
          </View>
        ) : null}
        <Text className="poster-link__note">通过海报、卡片或链接进来的新邻居，会自动绑定到你的自提点。</Text>
      </View>
    </View>
  );
}
