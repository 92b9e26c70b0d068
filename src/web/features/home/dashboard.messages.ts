/** Messages of the overview dashboard; `dashboardEn` must carry the same keys. */
export const dashboardVi = {
  'dashboard.title': 'Tổng quan',
} satisfies Record<string, string>;

export const dashboardEn: Record<keyof typeof dashboardVi, string> = {
  'dashboard.title': 'Overview',
};
