export default definePageConfig({
  navigationBarTitleText: '订单详情',
  navigationBarBackgroundColor: '#1f9d55',
  navigationBarTextStyle: 'white',
  // See pages/orders: pull-down in WeChat only; the order reloads whenever it is shown.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
