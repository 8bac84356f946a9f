import { type PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { captureEntry } from '@/services/entry';
import { type QueryLike } from '@/utils/invite-code';
import { pageRouteOfHash } from '@/utils/member-entry';
import './app.scss';

// H5: a hash-style link (`/h5/#/pages/campaign/index?id=…`, e.g. an older poster QR) would open the home
// page under the browser router. Rewrite it to the page route before the router reads the location.
if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
  const route = pageRouteOfHash(window.location.hash, window.location.search);
  if (route) window.history.replaceState(null, '', `/h5${route}`);
}

function App({ children }: PropsWithChildren) {
  // A share card or poster may open the app cold (launch) or bring it back from the background (show).
  useLaunch((options) => captureEntry(options?.query as QueryLike));
  useDidShow((options) => captureEntry(options?.query as QueryLike));
  return children;
}

export default App;
