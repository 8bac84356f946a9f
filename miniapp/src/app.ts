import { type PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { captureEntry } from '@/services/entry';
import { type QueryLike } from '@/utils/invite-code';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // A share card or poster may open the app cold (launch) or bring it back from the background (show).
  useLaunch((options) => captureEntry(options?.query as QueryLike));
  useDidShow((options) => captureEntry(options?.query as QueryLike));
  return children;
}

export default App;
