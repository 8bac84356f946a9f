export default definePageConfig({
  navigationBarTitleText: '我的售后',
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
