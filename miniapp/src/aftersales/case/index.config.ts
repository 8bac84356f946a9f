export default definePageConfig({
  navigationBarTitleText: '售后详情',
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
