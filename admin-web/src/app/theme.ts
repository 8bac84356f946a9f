import type { ThemeConfig } from 'antd';

export const BRAND_COLOR = '#16a34a';

/**
 * People who ask their system for less motion (an accessibility setting) get none: modals, menus and toasts
 * appear at once. Browser tests ask for it too, so no click ever lands on an element that is still moving.
 */
function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

export const theme: ThemeConfig = {
  token: {
    motion: !prefersReducedMotion(),
    colorPrimary: BRAND_COLOR,
    colorLink: BRAND_COLOR,
    borderRadius: 6,
  },
  components: {
    Layout: { siderBg: '#001529', headerBg: '#ffffff', headerPadding: '0 24px', headerHeight: 56 },
    Menu: { darkItemSelectedBg: BRAND_COLOR },
  },
};
