export default definePageConfig({
  navigationBarTitleText: '待提货订单',
  // See leader/recruits: pull-down in WeChat only; the page reloads on every show.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
