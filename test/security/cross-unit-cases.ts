import type { InjectOptions } from 'fastify';
import type { TestApp } from '../helpers.js';
import type { TwoProvinces } from '../units.js';

/**
 * Each feature adds the records it keeps per unit: created in province B,
 * every request listed must answer 404 to province A's officers.
 */
export interface CrossUnitCase {
  feature: string;
  requestsForRecordInProvinceB: (t: TestApp, units: TwoProvinces) => Promise<InjectOptions[]>;
}

export const crossUnitCases: CrossUnitCase[] = [
  {
    feature: 'users',
    requestsForRecordInProvinceB: async (t, units) => {
      const user = await t.createUser({ role: 'commune', unitId: units.communeB });
      return [
        { method: 'PATCH', url: `/api/users/${user.id}`, payload: { fullName: 'Đổi tên' } },
        { method: 'POST', url: `/api/users/${user.id}/password`, payload: { newPassword: 'mat-khau-moi-dai-1' } },
        { method: 'POST', url: `/api/users/${user.id}/unlock` },
      ];
    },
  },
];
