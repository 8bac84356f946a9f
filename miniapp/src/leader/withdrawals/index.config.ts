export default definePageConfig({
  navigationBarTitleText: '提现记录',
  // See leader/recruits: pull-down in WeChat only; the list reloads on every return.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
