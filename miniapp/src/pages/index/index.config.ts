export default definePageConfig({
  navigationBarTitleText: '邻里团购',
  navigationBarBackgroundColor: '#1f9d55',
  navigationBarTextStyle: 'white',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  backgroundColor: '#1f9d55',
  backgroundTextStyle: 'light',
});
