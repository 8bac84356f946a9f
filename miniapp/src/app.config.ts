export default defineAppConfig({
  // Campaign and product pages stay in the main package: share cards, posters and H5 links land on them.
  pages: [
    'pages/index/index',
    'pages/orders/index',
    'pages/mine/index',
    'pages/pickup/index',
    'pages/campaign/index',
    'pages/product/index',
    'pages/cart/index',
    'pages/checkout/index',
    // Order notifications (subscription messages) link to this path: keep it.
    'pages/order/index',
  ],
  // Leader screens load on demand: buyers (most users) never download them.
  subPackages: [
    {
      root: 'leader',
      pages: [
        'apply/index',
        'status/index',
        'recruits/index',
        'communities/index',
        'community-invite/index',
        'customers/index',
        'share-campaigns/index',
        'share/index',
        'pickups/index',
        'verify/index',
        'commission/index',
        'commission-entries/index',
        'commission-statement/index',
        'withdraw/index',
        'withdrawals/index',
        'aftersales/index',
        'aftersales-case/index',
      ],
    },
    // 售后 (after-sales) screens of the buyer: opened from an order or 我的, rarely.
    {
      root: 'aftersales',
      pages: ['apply/index', 'case/index', 'list/index'],
    },
  ],
  // wx.chooseLocation (申请成为团长 → 选择位置) and wx.getLocation (选择自提点, nearest first) must be
  // declared since 2022; getLocation also needs the scope.userLocation purpose shown in the prompt.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离你最近的自提点' },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里团购',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f6f3',
  },
  tabBar: {
    color: '#8a8f87',
    selectedColor: '#1f9d55',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/orders/index',
        text: '订单',
        iconPath: 'assets/tabbar/orders.png',
        selectedIconPath: 'assets/tabbar/orders-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
