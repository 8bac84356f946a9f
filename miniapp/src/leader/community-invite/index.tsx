import { useCallback, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { type CommunityInvite } from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { ensureLogin } from '@/services/auth';
import { fetchCommunityInvite } from '@/services/communities';
import { ApiError } from '@/services/request';
import { pngBase64Of } from '@/utils/community';
import { SkeletonCard } from '../components/skeleton-card';
import './index.scss';

type Phase = 'loading' | 'ready' | 'error';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** weapp: the QR data URL goes to a temp file first; saveImageToPhotosAlbum takes file paths only. */
async function saveQrToAlbum(invite: CommunityInvite): Promise<void> {
  const base64 = pngBase64Of(invite.qrPngDataUrl);
  if (!base64) throw new Error('二维码格式不正确');
  const filePath = `${Taro.env.USER_DATA_PATH}/community-${invite.inviteCode}.png`;
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (res) => reject(new Error(res.errMsg)),
    }),
  );
  await Taro.saveImageToPhotosAlbum({ filePath });
}

export default function CommunityInvitePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [phase, setPhase] = useState<Phase>('loading');
  const [invite, setInvite] = useState<CommunityInvite | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('链接不完整，请从「我的社群」重新打开');
      setPhase('error');
      return;
    }
    try {
      await ensureLogin();
      setInvite(await fetchCommunityInvite(id));
      setPhase('ready');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '加载失败，请稍后重试');
      setPhase('error');
    }
  }, [id]);

  useDidShow(() => {
    if (!invite) void load();
  });

  // The share card opens the mini-program with the community scene: joining happens at entry.
  useShareAppMessage(() => ({
    title: invite ? `邀请你加入「${invite.communityName}」，一起拼团买菜` : '邻里团购',
    path: invite ? `/${invite.miniProgramPath}` : '/pages/index/index',
  }));

  const copyLink = () => {
    if (!invite) return;
    void Taro.setClipboardData({ data: invite.h5Url }).then(() =>
      Taro.showToast({ title: '链接已复制', icon: 'success' }),
    );
  };

  const save = async () => {
    if (!invite) return;
    try {
      await saveQrToAlbum(invite);
      void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch (caught) {
      const denied = caught instanceof Error && /auth|deny/i.test(caught.message);
      void Taro.showToast({
        title: denied ? '请在设置中允许保存到相册' : '保存失败，请截图保存',
        icon: 'none',
      });
    }
  };

  if (phase === 'loading') {
    return (
      <View className="invite-page" id="invite-loading">
        <SkeletonCard lines={[50, 90, 90, 60]} />
      </View>
    );
  }

  if (phase === 'error' || !invite) {
    return (
      <View className="invite-page">
        <View className="invite-card">
          <StateView
            id="invite-error"
            illustration="alert"
            title="邀请加载失败"
            description={error}
            actionText="重试"
            actionId="invite-retry"
            onAction={() => {
              setPhase('loading');
              void load();
            }}
          />
        </View>
      </View>
    );
  }

  return (
    <View className="invite-page" id="invite-page">
      <View className="invite-card">
        <Text className="invite-card__eyebrow">{invite.leaderName} 的社群</Text>
        <Text className="invite-card__title" id="invite-community-name">
          {invite.communityName}
        </Text>
        <View className="invite-card__qr-frame">
          <Image
            className="invite-card__qr"
            id="invite-qr"
            src={invite.qrPngDataUrl}
            mode="aspectFit"
            showMenuByLongpress
          />
        </View>
        <Text className="invite-card__hint">
          {isWeapp
            ? '保存二维码发到微信群，邻居扫码即可加入'
            : '长按二维码保存图片，发到微信群，邻居扫码即可加入'}
        </Text>
        <View className="invite-card__code">
          邀请码 <Text className="invite-card__code-value">{invite.inviteCode}</Text>
        </View>
      </View>

      <View className="invite-link">
        <Text className="invite-link__label">邀请链接</Text>
        <Text className="invite-link__url" id="invite-link" selectable>
          {invite.h5Url}
        </Text>
        {isWeapp ? (
          <View className="btn btn--ghost invite-link__copy" id="invite-copy" onClick={copyLink}>
            复制链接
          </View>
        ) : null}
      </View>

      <View className="invite-actions">
        {isWeapp ? (
          <>
            <View className="btn btn--ghost invite-actions__btn" id="invite-save" onClick={() => void save()}>
              保存到相册
            </View>
            <Button className="btn btn--primary invite-actions__btn" openType="share">
              分享给群友
            </Button>
          </>
        ) : (
          <View className="btn btn--primary btn--block" id="invite-copy-primary" onClick={copyLink}>
            复制邀请链接
          </View>
        )}
      </View>
    </View>
  );
}
