export default definePageConfig({
  navigationBarTitleText: '购物车',
  // See pages/orders: pull-down in WeChat only; the cart is priced again whenever it is shown.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
