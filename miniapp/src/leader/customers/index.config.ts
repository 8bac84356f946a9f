export default definePageConfig({
  navigationBarTitleText: '我的客户',
  onReachBottomDistance: 120,
});
