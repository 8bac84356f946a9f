export default definePageConfig({
  navigationBarTitleText: '我的佣金',
  // See leader/recruits: pull-down in WeChat only; the page reloads on every show.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
