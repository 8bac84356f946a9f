export default definePageConfig({
  navigationBarTitleText: '我的订单',
  // Pull-down refresh in WeChat (see leader/recruits: not on H5, whose wrapper trips up hit-testing);
  // the list also reloads whenever it is shown again.
  enablePullDownRefresh: process.env.TARO_ENV !== 'h5',
});
