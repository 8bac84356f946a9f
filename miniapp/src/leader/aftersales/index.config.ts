export default definePageConfig({
  navigationBarTitleText: '售后处理',
  // See leader/recruits: pull-down in WeChat only; the list reloads on every return.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
