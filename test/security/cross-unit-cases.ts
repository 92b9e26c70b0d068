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
  {
    feature: 'villages',
    requestsForRecordInProvinceB: async (t, units) => {
      const admin = await t.asUser('admin');
      const created = await admin.inject({ method: 'POST', url: '/api/villages', payload: { communeId: units.communeB, kind: 'thon', name: 'Thôn Bến' } });
      if (created.statusCode !== 201) throw new Error(`village not created: ${created.body}`);
      const id = created.json().id as string;
      return [
        { method: 'GET', url: `/api/villages/${id}` },
        { method: 'PATCH', url: `/api/villages/${id}`, payload: { name: 'Thôn Đổi Tên' } },
        { method: 'DELETE', url: `/api/villages/${id}` },
        { method: 'GET', url: `/api/villages?communeId=${units.communeB}` },
      ];
    },
  },
  {
    feature: 'commune profile',
    requestsForRecordInProvinceB: async (_t, units) => [
      { method: 'GET', url: `/api/communes/${units.communeB}/area-classes` },
      { method: 'POST', url: `/api/communes/${units.communeB}/area-classes`, payload: { flags: ['mien_nui'], validFrom: '2024-01-01' } },
      { method: 'GET', url: `/api/communes/${units.communeB}/weak-designations` },
    ],
  },
];
