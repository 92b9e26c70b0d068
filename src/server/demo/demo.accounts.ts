import type { Role } from '../auth/auth.tables.js';
import type { UnitLevel } from '../territory/territory.tables.js';

/**
 * The demo's sign-in accounts, one per role with its territorial scope. The
 * password is fixed and published (README, start message): these accounts
 * exist only with demo data, and the start message stops listing an account
 * once its password has been changed.
 */
export const DEMO_PASSWORD = 'minhhoa-canboxa';

export type DemoDataset = 'bac-giang-2021' | 'toan-quoc-2025';

export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  /** The unit the account is bound to, by level and code on the dataset's date; null code: the country. */
  unit: { level: UnitLevel; code: string | null };
  canViewSensitive: boolean;
}

export const DEMO_ACCOUNTS: Readonly<Record<DemoDataset, readonly DemoAccount[]>> = {
  'bac-giang-2021': [
    { username: 'admin', fullName: 'Quản trị hệ thống (minh họa)', role: 'admin', unit: { level: 'country', code: null }, canViewSensitive: true },
    {
      username: 'tinh.bacgiang',
      fullName: 'Ban Tổ chức Tỉnh ủy Bắc Giang (minh họa)',
      role: 'province',
      unit: { level: 'province', code: '24' },
      canViewSensitive: true,
    },
    {
      username: 'huyen.langgiang',
      fullName: 'Phòng Nội vụ huyện Lạng Giang (minh họa)',
      role: 'district',
      unit: { level: 'district', code: '217' },
      canViewSensitive: false,
    },
    {
      username: 'xa.nghiahung',
      fullName: 'UBND xã Nghĩa Hưng (minh họa)',
      role: 'commune',
      unit: { level: 'commune', code: '07381' },
      canViewSensitive: false,
    },
    { username: 'xa.quynhson', fullName: 'UBND xã Quỳnh Sơn (minh họa)', role: 'commune', unit: { level: 'commune', code: '07702' }, canViewSensitive: false },
    {
      username: 'xem.bacgiang',
      fullName: 'Người xem số liệu tỉnh Bắc Giang (minh họa)',
      role: 'viewer',
      unit: { level: 'province', code: '24' },
      canViewSensitive: false,
    },
  ],
  'toan-quoc-2025': [
    { username: 'admin', fullName: 'Quản trị hệ thống (minh họa)', role: 'admin', unit: { level: 'country', code: null }, canViewSensitive: true },
    {
      username: 'tinh.bacninh',
      fullName: 'Ban Tổ chức Tỉnh ủy Bắc Ninh (minh họa)',
      role: 'province',
      unit: { level: 'province', code: '24' },
      canViewSensitive: true,
    },
    { username: 'xa.tienluc', fullName: 'UBND xã Tiên Lục (minh họa)', role: 'commune', unit: { level: 'commune', code: '07381' }, canViewSensitive: false },
    {
      username: 'xem.toanquoc',
      fullName: 'Người xem số liệu toàn quốc (minh họa)',
      role: 'viewer',
      unit: { level: 'country', code: null },
      canViewSensitive: false,
    },
  ],
};

export const DEMO_DATASET_LABELS: Readonly<Record<DemoDataset, string>> = {
  'bac-giang-2021': 'tỉnh Bắc Giang (209 xã, phường, thị trấn theo danh mục 2023), số liệu ngày 31/12/2021, nhiệm kỳ 2020–2025',
  'toan-quoc-2025': 'toàn quốc (34 tỉnh, thành phố; 3.321 xã, phường, đặc khu), số liệu ngày 31/12/2025, nhiệm kỳ 2025–2030',
};

export function isDemoDataset(value: string | undefined): value is DemoDataset {
  return value !== undefined && value in DEMO_ACCOUNTS;
}
