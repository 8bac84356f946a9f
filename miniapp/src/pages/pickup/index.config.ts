export default definePageConfig({
  navigationBarTitleText: '选择自提点',
  navigationBarBackgroundColor: '#ffffff',
  navigationBarTextStyle: 'black',
  backgroundColor: '#f3f6f4',
  onReachBottomDistance: 120,
});
