export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: '#1f9d55',
  navigationBarTextStyle: 'white',
});
