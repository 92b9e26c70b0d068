import type { InjectOptions } from 'fastify';
import { multipartFile } from '../fixtures/xlsx.js';
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
  {
    feature: 'compliance and training reviews',
    requestsForRecordInProvinceB: async (t, units) => {
      const officerB = await t.asUser('province', units.provinceB);
      const cadre = await officerB.inject({ method: 'POST', url: '/api/cadres', payload: { fullName: 'Lê Văn Tâm', owningUnitId: units.communeB } });
      if (cadre.statusCode !== 201) throw new Error(`cadre not created: ${cadre.body}`);
      const review = await officerB.inject({
        method: 'POST',
        url: '/api/training-reviews',
        payload: { unitId: units.communeB, year: 2025, asOf: '2025-08-01' },
      });
      if (review.statusCode !== 201) throw new Error(`review not created: ${review.body}`);
      const cadreId = cadre.json().id as string;
      const id = review.json().id as string;
      return [
        { method: 'GET', url: `/api/cadres/${cadreId}/compliance` },
        { method: 'GET', url: `/api/compliance/summary?unitId=${units.provinceB}` },
        { method: 'GET', url: `/api/compliance/people?unitId=${units.communeB}` },
        { method: 'GET', url: `/api/training-focus?unitId=${units.provinceB}&year=2025` },
        { method: 'PUT', url: '/api/training-focus', payload: { unitId: units.provinceB, year: 2025, fields: [] } },
        { method: 'POST', url: '/api/training-reviews', payload: { unitId: units.communeB, year: 2026 } },
        { method: 'GET', url: `/api/training-reviews/${id}` },
        { method: 'PATCH', url: `/api/training-reviews/${id}/proposals/1`, payload: { decision: 'accepted' } },
        { method: 'POST', url: `/api/training-reviews/${id}/proposals`, payload: { cadreId, courseType: 'tu_phap', reason: 'Bổ sung' } },
        { method: 'POST', url: `/api/training-reviews/${id}/submit` },
        { method: 'POST', url: `/api/training-reviews/${id}/return`, payload: { note: 'Sửa lại' } },
        { method: 'POST', url: `/api/training-reviews/${id}/approve` },
        { method: 'POST', url: `/api/training-reviews/${id}/new-version` },
        { method: 'GET', url: `/api/training-reviews/${id}/quotas` },
        { method: 'GET', url: `/api/training-reviews/${id}/export.xlsx` },
      ];
    },
  },
  {
    feature: 'training classes and certificates',
    requestsForRecordInProvinceB: async (t, units) => {
      const officerB = await t.asUser('province', units.provinceB);
      const post = async (url: string, payload: object) => {
        const response = await officerB.inject({ method: 'POST', url, payload });
        if (response.statusCode !== 201) throw new Error(`${url} not created: ${response.body}`);
        return response.json().id as string;
      };
      const cadreId = await post('/api/cadres', { fullName: 'Đỗ Thị Hoa', owningUnitId: units.communeB });
      const programmeId = await post('/api/training/programmes', {
        owningUnitId: units.provinceB,
        name: 'Bồi dưỡng bí thư mới',
        form: 'short_course',
        outcome: 'certificate',
      });
      const instructorId = await post('/api/training/instructors', { owningUnitId: units.provinceB, fullName: 'Vũ Văn Hướng' });
      const classId = await post('/api/training/classes', {
        programmeId,
        unitId: units.provinceB,
        name: 'Lớp bí thư mới',
        startDate: '2025-04-01',
        endDate: '2025-04-02',
        capacity: 10,
        sessions: [{ date: '2025-04-01', startTime: '08:00', endTime: '11:00', instructorIds: [instructorId] }],
        tests: [{ name: 'Thu hoạch' }],
      });
      const enrolled = await officerB.inject({ method: 'POST', url: `/api/training/classes/${classId}/enrolments`, payload: { people: [{ cadreId }] } });
      const detail = enrolled.json() as { sessions: { id: string }[]; tests: { id: string }[] };
      const sessionId = detail.sessions[0]?.id ?? '0';
      const testId = detail.tests[0]?.id ?? '0';
      await officerB.inject({
        method: 'PUT',
        url: `/api/training/classes/${classId}/sessions/${sessionId}/attendance`,
        payload: { records: [{ cadreId, status: 'present' }] },
      });
      await officerB.inject({ method: 'PUT', url: `/api/training/classes/${classId}/tests/${testId}/scores`, payload: { scores: [{ cadreId, score: 9 }] } });
      const certificateId = await post(`/api/training/classes/${classId}/certificates`, { cadreId, number: 'BTM-01', issuedOn: '2025-04-03' });
      const visitId = await post('/api/training/visits', {
        communeId: units.communeB,
        visitedOn: '2025-04-05',
        officerIds: [instructorId],
        cadreIds: [cadreId],
      });
      const upload = multipartFile('diem-danh.xlsx', Buffer.from('PK'));
      return [
        { method: 'GET', url: `/api/training/programmes/${programmeId}` },
        {
          method: 'PUT',
          url: `/api/training/programmes/${programmeId}`,
          payload: { owningUnitId: units.provinceB, name: 'Đổi tên', form: 'short_course', outcome: 'none' },
        },
        { method: 'DELETE', url: `/api/training/programmes/${programmeId}` },
        { method: 'GET', url: `/api/training/classes/${classId}` },
        { method: 'GET', url: `/api/training/classes?unitId=${units.provinceB}` },
        {
          method: 'POST',
          url: `/api/training/classes/${classId}/sessions`,
          payload: { sessions: [{ date: '2025-04-02', startTime: '08:00', endTime: '09:00' }] },
        },
        { method: 'POST', url: `/api/training/classes/${classId}/enrolments`, payload: { people: [{ cadreId }] } },
        { method: 'PUT', url: `/api/training/classes/${classId}/sessions/${sessionId}/attendance`, payload: { records: [{ cadreId, status: 'absent' }] } },
        { method: 'PUT', url: `/api/training/classes/${classId}/tests/${testId}/scores`, payload: { scores: [{ cadreId, score: 1 }] } },
        { method: 'POST', url: `/api/training/classes/${classId}/certificates`, payload: { cadreId, number: 'X', issuedOn: '2025-04-03' } },
        { method: 'POST', url: `/api/training/certificates/${certificateId}/revoke`, payload: { reason: 'Thử' } },
        { method: 'GET', url: `/api/cadres/${cadreId}/training` },
        { method: 'PUT', url: `/api/training/classes/${classId}`, payload: { name: 'Đổi tên', startDate: '2025-04-01', endDate: '2025-04-02', capacity: 10 } },
        { method: 'DELETE', url: `/api/training/classes/${classId}` },
        { method: 'PUT', url: `/api/training/classes/${classId}/sessions/${sessionId}`, payload: { date: '2025-04-01', startTime: '13:00', endTime: '14:00' } },
        { method: 'DELETE', url: `/api/training/classes/${classId}/sessions/${sessionId}` },
        { method: 'POST', url: `/api/training/classes/${classId}/tests`, payload: { name: 'Bài thêm' } },
        { method: 'DELETE', url: `/api/training/classes/${classId}/tests/${testId}` },
        { method: 'DELETE', url: `/api/training/classes/${classId}/enrolments/${cadreId}` },
        { method: 'GET', url: `/api/training/classes/${classId}/plan-candidates` },
        { method: 'GET', url: `/api/training/classes/${classId}/attendance.xlsx` },
        { method: 'POST', url: `/api/training/classes/${classId}/attendance/import?dryRun=true`, payload: upload.payload, headers: upload.headers },
        { method: 'GET', url: `/api/training/classes/${classId}/results.xlsx` },
        { method: 'PUT', url: `/api/training/visits/${visitId}`, payload: { communeId: units.communeB, visitedOn: '2025-04-06', officerIds: [instructorId] } },
        { method: 'DELETE', url: `/api/training/visits/${visitId}` },
        { method: 'PUT', url: `/api/training/instructors/${instructorId}`, payload: { owningUnitId: units.provinceB, fullName: 'Đổi tên' } },
        { method: 'DELETE', url: `/api/training/instructors/${instructorId}` },
        { method: 'GET', url: `/api/training/visits.xlsx?communeId=${units.communeB}` },
        { method: 'GET', url: `/api/training/plan-fulfilment.xlsx?unitId=${units.provinceB}&year=2025` },
        { method: 'GET', url: `/api/training/diversity.xlsx?unitId=${units.provinceB}&year=2025` },
      ];
    },
  },
  {
    feature: 'overview dashboard',
    requestsForRecordInProvinceB: async (_t, units) => [
      { method: 'GET', url: `/api/dashboard/export.xlsx?unitId=${units.provinceB}` },
      { method: 'GET', url: `/api/dashboard/export.xlsx?unitId=${units.communeB}` },
    ],
  },
];
