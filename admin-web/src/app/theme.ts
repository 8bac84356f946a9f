import type { ThemeConfig } from 'antd';

export const BRAND_COLOR = '#16a34a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_COLOR,
    colorLink: BRAND_COLOR,
    borderRadius: 6,
  },
  components: {
    Layout: { siderBg: '#001529', headerBg: '#ffffff', headerPadding: '0 24px', headerHeight: 56 },
    Menu: { darkItemSelectedBg: BRAND_COLOR },
  },
};
