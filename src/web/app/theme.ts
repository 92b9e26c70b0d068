import type { ThemeConfig } from 'antd';

/** A deep red of the kind used on Vietnamese state documents, kept sparing: header, accents and primary actions only. */
export const BRAND_RED = '#a11d24';
export const BRAND_RED_DARK = '#7f151b';
export const BRAND_GOLD = '#f3c446';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: BRAND_RED,
    borderRadius: 6,
    colorBgLayout: '#f3f4f6',
    fontFamily: "'Be Vietnam Pro', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: BRAND_RED_DARK,
      headerColor: '#ffffff',
      headerHeight: 60,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      zeroTriggerWidth: 36,
    },
    Menu: {
      itemSelectedBg: '#fbecec',
      itemSelectedColor: BRAND_RED,
      groupTitleColor: '#8c8c8c',
    },
  },
};
