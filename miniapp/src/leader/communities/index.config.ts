export default definePageConfig({
  navigationBarTitleText: '我的社群',
  // See leader/recruits: no pull-down wrapper on H5; the page reloads on every show.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
