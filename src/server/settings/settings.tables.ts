import type { ColumnType } from 'kysely';

export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: ColumnType<Date, never, Date>;
}

export interface SettingsTables {
  app_setting: AppSettingTable;
}
