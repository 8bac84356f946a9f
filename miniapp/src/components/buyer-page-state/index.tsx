import Taro from '@tarojs/taro';
import { StateView } from '@/components/state-view';
import { type BuyerPage } from '@/hooks/use-buyer-page';

interface BuyerPageStateProps {
  /** The page's useBuyerPage(): what went wrong, and its retry and sign-in. */
  page: BuyerPage<unknown>;
  /** Element ids start with it: `<prefix>-error`, `<prefix>-not-found`, … */
  idPrefix: string;
  /** What is missing, e.g. 这场团购 / 这件商品. */
  subject: string;
}

/**
 * Why a buyer page shows nothing: gone, signed out, login impossible here, or a load error (retry).
 * For the page's not-ready branch, after its loading skeleton: "ready" without data counts as an error.
 */
export function BuyerPageState({ page, idPrefix, subject }: BuyerPageStateProps) {
  const { error } = page;
  const phase = page.phase === 'ready' ? 'error' : page.phase;
  switch (phase) {
    case 'loading':
      return null;
    case 'not-found':
      return (
        <StateView
          id={`${idPrefix}-not-found`}
          illustration="basket"
          title={`${subject}已下架或不存在`}
          description="去首页看看团长正在进行的团购吧"
          actionText="去首页"
          actionId={`${idPrefix}-go-home`}
          onAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
        />
      );
    case 'signed-out':
      return (
        <StateView
          id={`${idPrefix}-signed-out`}
          illustration="person"
          title={`登录后查看${subject}`}
          actionText="登录"
          actionId={`${idPrefix}-login`}
          onAction={() => void page.signIn()}
        />
      );
    case 'login-unavailable':
      return (
        <StateView
          id={`${idPrefix}-login-unavailable`}
          illustration="alert"
          title="暂时无法登录"
          description={error}
        />
      );
    case 'error':
      return (
        <StateView
          id={`${idPrefix}-error`}
          illustration="alert"
          title="加载失败"
          description={error}
          actionText="重试"
          actionId={`${idPrefix}-retry`}
          onAction={() => void page.reload()}
        />
      );
  }
}
