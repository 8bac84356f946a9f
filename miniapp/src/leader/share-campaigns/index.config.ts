export default definePageConfig({
  navigationBarTitleText: '分享团购',
  enablePullDownRefresh: true,
});
