export default definePageConfig({
  navigationBarTitleText: '我的团员',
  // Pull-down refresh in WeChat. On H5 Taro's pull-to-refresh wrapper trips up pointer hit-testing in
  // browser tests (and desktop browsers have no pull gesture); the page reloads on every show anyway.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
