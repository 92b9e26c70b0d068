import type { InjectOptions } from 'fastify';
import type { RecordPermission, RolePermission } from '../../src/server/access/policy.js';
import type { AccessWorld } from './access-world.js';

/**
 * What each API route asks of the access policy, in the order the service
 * asks it, and one request that succeeds for whoever the policy lets through.
 * The access matrix runs every entry for every role against records inside
 * and outside the caller's scope; a route missing here fails the matrix, so a
 * new route is covered the moment it exists.
 */
export interface RecordCheck {
  permission: RecordPermission;
  ids: string[];
}

export interface RouteCase {
  /** Asked first, of the role alone. */
  role?: RolePermission;
  /** Asked next, of the records the request names. */
  records?: (w: AccessWorld) => Promise<RecordCheck[]>;
  request: (w: AccessWorld) => Promise<InjectOptions>;
  /** The request changes or uses up its records: each run that should succeed gets a world of its own. */
  changes?: boolean;
  /**
   * Imports name their units inside the file: a unit outside the caller's
   * scope is a refused row (400 with the row named), not a missing record.
   */
  unitsInFile?: boolean;
}

/** Routes every signed-in user may call about themselves or the public territory, whatever their role. */
export const OPEN_ROUTES = new Set(['POST /api/auth/logout', 'GET /api/auth/me', 'POST /api/auth/password']);
export const PUBLIC_ROUTES = new Set(['POST /api/auth/login', 'GET /api/health', 'GET /api/meta']);

const check = (permission: RecordPermission, ...ids: string[]): RecordCheck => ({ permission, ids });
const get = (url: string): InjectOptions => ({ method: 'GET', url });

const cadreRead = (pick: 'cadre' | 'movedCadre', permission: RecordPermission) => async (w: AccessWorld) => [check(permission, await w[pick]())];
const communeRead = async (w: AccessWorld) => [check('unit.read', w.place.commune)];
const classRead = async (w: AccessWorld) => [check('unit.read', w.place.commune)];

export const ROUTE_CASES: Record<string, RouteCase> = {
  // --- Cadres -------------------------------------------------------------------------
  'GET /api/cadres': { records: communeRead, request: async (w) => get(`/api/cadres?unitId=${w.place.commune}&status=all`) },
  'GET /api/cadres/export.xlsx': { records: communeRead, request: async (w) => get(`/api/cadres/export.xlsx?unitId=${w.place.commune}&status=all`) },
  'GET /api/cadres/{id}': { records: cadreRead('cadre', 'cadre.history.read'), request: async (w) => get(`/api/cadres/${await w.cadre()}`) },
  'GET /api/cadres/{id} (former unit)': {
    records: cadreRead('movedCadre', 'cadre.history.read'),
    request: async (w) => get(`/api/cadres/${await w.movedCadre()}`),
  },
  'GET /api/cadres/{id}/resume.docx': { records: cadreRead('cadre', 'cadre.read'), request: async (w) => get(`/api/cadres/${await w.cadre()}/resume.docx`) },
  'GET /api/cadres/{id}/resume.docx (former unit)': {
    records: cadreRead('movedCadre', 'cadre.read'),
    request: async (w) => get(`/api/cadres/${await w.movedCadre()}/resume.docx`),
  },
  'GET /api/cadres/{id}/photo': {
    records: cadreRead('cadre', 'cadre.read'),
    request: async (w) => {
      await w.photo();
      return get(`/api/cadres/${await w.cadre()}/photo`);
    },
  },
  'PUT /api/cadres/{id}/photo': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    request: async (w) => ({ method: 'PUT', url: `/api/cadres/${await w.cadre()}/photo`, ...w.photoUpload() }),
  },
  'DELETE /api/cadres/{id}/photo': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    changes: true,
    request: async (w) => {
      await w.photo();
      return { method: 'DELETE', url: `/api/cadres/${await w.cadre()}/photo` };
    },
  },
  'POST /api/cadres': {
    role: 'data.write',
    records: async (w) => [check('unit.write', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: '/api/cadres', payload: { fullName: w.uniqueName('Đỗ Văn'), owningUnitId: w.place.commune } }),
  },
  'PATCH /api/cadres/{id}': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    request: async (w) => ({ method: 'PATCH', url: `/api/cadres/${await w.cadre()}`, payload: { phone: '0988777666' } }),
  },
  'PATCH /api/cadres/{id} (former unit)': {
    role: 'data.write',
    records: cadreRead('movedCadre', 'cadre.write'),
    request: async (w) => ({ method: 'PATCH', url: `/api/cadres/${await w.movedCadre()}`, payload: { phone: '0988777666' } }),
  },
  'POST /api/cadres/{id}/posts': {
    role: 'data.write',
    records: async (w) => [check('cadre.write', await w.cadre()), check('unit.write', w.place.commune)],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/cadres/${await w.cadre()}/posts`,
      payload: { unitId: w.place.commune, titleCode: 'chu_tich_mttq', startDate: '2022-01-01', concurrent: true },
    }),
  },
  'PATCH /api/cadres/{id}/posts/{postId}': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    request: async (w) => ({ method: 'PATCH', url: `/api/cadres/${await w.cadre()}/posts/${await w.post()}`, payload: { note: 'Ghi chú' } }),
  },
  'POST /api/cadres/{id}/posts/{postId}/end': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/cadres/${await w.cadre()}/posts/${await w.post()}/end`, payload: { endDate: '2026-12-31' } }),
  },
  'DELETE /api/cadres/{id}/posts/{postId}': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/cadres/${await w.cadre()}/posts/${await w.post()}` }),
  },
  'POST /api/cadres/{id}/qualifications': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    request: async (w) => ({
      method: 'POST',
      url: `/api/cadres/${await w.cadre()}/qualifications`,
      payload: { kind: 'it', level: 'co_ban', source: 'declared' },
    }),
  },
  'DELETE /api/cadres/{id}/qualifications/{qid}': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/cadres/${await w.cadre()}/qualifications/${await w.qualification()}` }),
  },
  'GET /api/cadres/{id}/compliance': {
    records: cadreRead('cadre', 'cadre.history.read'),
    request: async (w) => get(`/api/cadres/${await w.cadre()}/compliance`),
  },
  'GET /api/cadres/{id}/compliance (former unit)': {
    records: cadreRead('movedCadre', 'cadre.history.read'),
    request: async (w) => get(`/api/cadres/${await w.movedCadre()}/compliance`),
  },
  'GET /api/cadres/{id}/training': { records: cadreRead('cadre', 'cadre.history.read'), request: async (w) => get(`/api/cadres/${await w.cadre()}/training`) },
  'GET /api/cadres/{id}/training (former unit)': {
    records: cadreRead('movedCadre', 'cadre.history.read'),
    request: async (w) => get(`/api/cadres/${await w.movedCadre()}/training`),
  },

  // --- Imports ------------------------------------------------------------------------
  'POST /api/imports/cadres': {
    role: 'data.write',
    records: async (w) => [check('unit.write', w.place.commune)],
    unitsInFile: true,
    request: async (w) => ({ method: 'POST', url: '/api/imports/cadres?dryRun=true', ...(await w.cadresWorkbook()) }),
  },
  'GET /api/imports/cadres/template': { request: async () => get('/api/imports/cadres/template') },
  'GET /api/imports/cadres/history': { request: async () => get('/api/imports/cadres/history') },

  // --- Commune profile: area classes and weak communes ---------------------------------
  'GET /api/communes/{id}/area-classes': { records: communeRead, request: async (w) => get(`/api/communes/${w.place.commune}/area-classes`) },
  'POST /api/communes/{id}/area-classes': {
    role: 'data.write',
    records: async (w) => [check('commune.classification.write', w.place.commune)],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/communes/${w.place.commune}/area-classes`,
      payload: { flags: ['bien_gioi'], validFrom: w.laterDate() },
    }),
  },
  'PATCH /api/area-classes/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.classification.write', w.place.commune)],
    request: async (w) => ({ method: 'PATCH', url: `/api/area-classes/${await w.areaClass()}`, payload: { note: 'Theo quyết định mới' } }),
  },
  'DELETE /api/area-classes/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.classification.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/area-classes/${await w.areaClass()}` }),
  },
  'GET /api/area-classes': { records: communeRead, request: async (w) => get(`/api/area-classes?unitId=${w.place.commune}`) },
  'GET /api/weak-units': { records: communeRead, request: async (w) => get(`/api/weak-units?unitId=${w.place.commune}`) },
  'GET /api/communes/{id}/weak-designations': { records: communeRead, request: async (w) => get(`/api/communes/${w.place.commune}/weak-designations`) },
  'POST /api/weak-units': {
    role: 'data.write',
    records: async (w) => [check('commune.classification.write', w.place.commune)],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: '/api/weak-units',
      payload: { communeId: w.place.commune, year: w.freeYear(), fields: ['kinh_te'], reasons: 'Thu ngân sách đạt thấp' },
    }),
  },
  'PATCH /api/weak-units/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.classification.write', w.place.commune)],
    request: async (w) => ({
      method: 'PATCH',
      url: `/api/weak-units/${await w.weakDesignation()}`,
      payload: { reasons: 'Thu ngân sách và giải ngân đạt thấp' },
    }),
  },
  'DELETE /api/weak-units/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.classification.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/weak-units/${await w.weakDesignation()}` }),
  },

  // --- Standards and compliance -----------------------------------------------------------
  'GET /api/compliance/summary': { records: communeRead, request: async (w) => get(`/api/compliance/summary?unitId=${w.place.commune}`) },
  'GET /api/compliance/people': { records: communeRead, request: async (w) => get(`/api/compliance/people?unitId=${w.place.commune}`) },
  'GET /api/dashboard/export.xlsx': { records: communeRead, request: async (w) => get(`/api/dashboard/export.xlsx?unitId=${w.place.commune}`) },
  'GET /api/standards/sets': { request: async () => get('/api/standards/sets') },
  'GET /api/standards/rules': { request: async () => get('/api/standards/rules') },
  'POST /api/standards/sets': {
    role: 'standards.manage',
    request: async (w) => ({
      method: 'POST',
      url: '/api/standards/sets',
      payload: { code: `MT-${w.unique()}`, nameVi: 'Tiêu chuẩn thử', nameEn: 'Test standard', scope: 'provincial', legalBasis: 'Quy định thử' },
    }),
  },
  'PATCH /api/standards/sets/{code}': {
    role: 'standards.manage',
    request: async () => ({ method: 'PATCH', url: '/api/standards/sets/BG-2020', payload: { enabled: true } }),
  },
  'POST /api/standards/rules': {
    role: 'standards.manage',
    request: async (w) => ({ method: 'POST', url: '/api/standards/rules', payload: { ...(await ruleBody(w)), validFrom: '2023-01-01' } }),
  },
  'POST /api/standards/rules/{code}/versions': {
    role: 'standards.manage',
    changes: true,
    request: async (w) => {
      const body = await ruleBody(w);
      await w.asOwner({ method: 'POST', url: '/api/standards/rules', payload: { ...body, validFrom: '2023-01-01' } }, 201);
      const { code: _code, setCode: _setCode, ...content } = body;
      return {
        method: 'POST',
        url: `/api/standards/rules/${encodeURIComponent(body.code)}/versions`,
        payload: { ...content, minMonthsLeftAtReElection: 36, effectiveFrom: '2024-01-01', changeNote: 'Sửa đổi' },
      };
    },
  },

  // --- Territory (public to every signed-in user; changes by administrators) ---------------
  'GET /api/units': { request: async (w) => get(`/api/units?parentId=${w.place.district}`) },
  'GET /api/units/search': { request: async () => get('/api/units/search?q=ma%20tran') },
  'GET /api/units/tree': { request: async () => get('/api/units/tree') },
  'GET /api/units/by-code/{code}': { request: async (w) => get(`/api/units/by-code/${w.place.communeCode}`) },
  'GET /api/units/{id}': { request: async (w) => get(`/api/units/${w.place.commune}`) },
  'GET /api/units/{id}/lineage': { request: async (w) => get(`/api/units/${w.place.commune}/lineage`) },
  'GET /api/units/{id}/counts': { request: async (w) => get(`/api/units/${w.place.commune}/counts`) },
  'GET /api/units/{id}/current': { request: async (w) => get(`/api/units/${w.place.commune}/current`) },
  'POST /api/units/lineage': {
    role: 'territory.manage',
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: '/api/units/lineage',
      payload: { ...(await w.unlinkedPair()), effectiveDate: '2020-01-01', kind: 'part' },
    }),
  },
  'DELETE /api/units/lineage/{id}': {
    role: 'territory.manage',
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/units/lineage/${await w.lineage()}` }),
  },
  'GET /api/territory/changes': { request: async () => get('/api/territory/changes?pageSize=5') },
  'PATCH /api/territory/changes/{id}': {
    role: 'territory.manage',
    request: async (w) => {
      const change = await w.officialChange();
      return {
        method: 'PATCH',
        url: `/api/territory/changes/${change.id}`,
        payload: { effectiveDate: change.effectiveDate, basis: 'Đối chiếu văn bản (ma trận quyền)' },
      };
    },
  },
  'GET /api/territory/loads': { role: 'territory.manage', request: async () => get('/api/territory/loads') },
  'POST /api/territory/loads': {
    role: 'territory.load',
    request: async (w) => ({ method: 'POST', url: '/api/territory/loads', payload: await w.territoryListDryRun() }),
  },

  // --- Training-needs reviews ----------------------------------------------------------------
  'GET /api/training-focus': {
    records: async (w) => [check('unit.read', w.place.province)],
    request: async (w) => get(`/api/training-focus?unitId=${w.place.province}&year=2025`),
  },
  'PUT /api/training-focus': {
    role: 'training.focus.set',
    records: async (w) => [check('unit.read', w.place.province)],
    request: async (w) => ({ method: 'PUT', url: '/api/training-focus', payload: { unitId: w.place.province, year: 2025, fields: [] } }),
  },
  'GET /api/training-reviews': { records: communeRead, request: async (w) => get(`/api/training-reviews?unitId=${w.place.commune}`) },
  'POST /api/training-reviews': {
    role: 'data.write',
    records: communeRead,
    changes: true,
    request: async (w) => {
      const year = w.freeReviewYear();
      return { method: 'POST', url: '/api/training-reviews', payload: { unitId: w.place.commune, year, asOf: `${year}-01-15` } };
    },
  },
  'GET /api/training-reviews/{id}': { records: communeRead, request: async (w) => get(`/api/training-reviews/${(await w.review()).id}`) },
  'PATCH /api/training-reviews/{id}/proposals/{proposalId}': {
    role: 'data.write',
    records: communeRead,
    request: async (w) => {
      const review = await w.review();
      return { method: 'PATCH', url: `/api/training-reviews/${review.id}/proposals/${review.proposalId}`, payload: { decision: 'accepted' } };
    },
  },
  'POST /api/training-reviews/{id}/proposals': {
    role: 'data.write',
    records: async (w) => [check('unit.read', w.place.commune)],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/training-reviews/${(await w.review()).id}/proposals`,
      payload: { cadreId: await w.cadre(), courseType: 'dat_dai', reason: 'Phụ trách địa chính' },
    }),
  },
  'POST /api/training-reviews/{id}/submit': {
    role: 'data.write',
    records: communeRead,
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/training-reviews/${(await w.decidedReview()).id}/submit` }),
  },
  'POST /api/training-reviews/{id}/return': {
    role: 'training.plan.decide',
    records: communeRead,
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/training-reviews/${(await w.submittedReview()).id}/return`, payload: { note: 'Bổ sung lý do' } }),
  },
  'POST /api/training-reviews/{id}/approve': {
    role: 'training.plan.decide',
    records: communeRead,
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/training-reviews/${(await w.submittedReview()).id}/approve` }),
  },
  'POST /api/training-reviews/{id}/new-version': {
    role: 'data.write',
    records: communeRead,
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/training-reviews/${(await w.approvedReview()).id}/new-version` }),
  },
  'GET /api/training-reviews/{id}/quotas': { records: communeRead, request: async (w) => get(`/api/training-reviews/${(await w.review()).id}/quotas`) },
  'GET /api/training-reviews/{id}/export.xlsx': {
    records: communeRead,
    request: async (w) => get(`/api/training-reviews/${(await w.review()).id}/export.xlsx`),
  },

  // --- Training: programmes and instructors (kept by a unit for itself and the units below) --
  'GET /api/training/programmes': { request: async () => get('/api/training/programmes') },
  'POST /api/training/programmes': {
    role: 'data.write',
    records: communeRead,
    request: async (w) => ({
      method: 'POST',
      url: '/api/training/programmes',
      payload: { owningUnitId: w.place.commune, name: `Chương trình ${w.unique()}`, form: 'on_the_job', outcome: 'none' },
    }),
  },
  'GET /api/training/programmes/{id}': {
    records: async (w) => [check('catalogue.read', w.place.province)],
    request: async (w) => get(`/api/training/programmes/${await w.programme()}`),
  },
  'PUT /api/training/programmes/{id}': {
    role: 'data.write',
    records: async (w) => [check('catalogue.write', w.place.province)],
    request: async (w) => ({
      method: 'PUT',
      url: `/api/training/programmes/${await w.programme()}`,
      payload: { owningUnitId: w.place.province, name: `Bồi dưỡng đổi tên ${w.unique()}`, form: 'short_course', outcome: 'certificate' },
    }),
  },
  'DELETE /api/training/programmes/{id}': {
    role: 'data.write',
    records: async (w) => [check('catalogue.write', w.place.province)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/training/programmes/${await w.programme()}` }),
  },
  'GET /api/training/instructors': { request: async () => get('/api/training/instructors') },
  'POST /api/training/instructors': {
    role: 'data.write',
    records: communeRead,
    request: async (w) => ({ method: 'POST', url: '/api/training/instructors', payload: { owningUnitId: w.place.commune, fullName: 'Hoàng Văn Giảng' } }),
  },
  'PUT /api/training/instructors/{id}': {
    role: 'data.write',
    records: async (w) => [check('catalogue.write', w.place.commune)],
    request: async (w) => ({
      method: 'PUT',
      url: `/api/training/instructors/${await w.instructor()}`,
      payload: { owningUnitId: w.place.commune, fullName: 'Vũ Văn Hướng' },
    }),
  },
  'DELETE /api/training/instructors/{id}': {
    role: 'data.write',
    records: async (w) => [check('catalogue.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/training/instructors/${await w.instructor()}` }),
  },

  // --- Training: classes ---------------------------------------------------------------------
  'GET /api/training/classes': { records: classRead, request: async (w) => get(`/api/training/classes?unitId=${w.place.commune}`) },
  'POST /api/training/classes': {
    role: 'data.write',
    records: async (w) => [check('unit.write', w.place.commune)],
    request: async (w) => ({
      method: 'POST',
      url: '/api/training/classes',
      payload: {
        programmeId: await w.programme(),
        unitId: w.place.commune,
        name: `Lớp mới ${w.unique()}`,
        startDate: '2025-06-01',
        endDate: '2025-06-02',
        capacity: 5,
      },
    }),
  },
  'GET /api/training/classes/{id}': { records: classRead, request: async (w) => get(`/api/training/classes/${(await w.klass()).id}`) },
  'PUT /api/training/classes/{id}': {
    role: 'data.write',
    records: classRead,
    request: async (w) => ({
      method: 'PUT',
      url: `/api/training/classes/${(await w.klass()).id}`,
      payload: { name: `Lớp đổi tên ${w.unique()}`, startDate: '2025-04-01', endDate: '2025-04-02', capacity: 12 },
    }),
  },
  'DELETE /api/training/classes/{id}': {
    role: 'data.write',
    records: classRead,
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/training/classes/${(await w.emptyClass()).id}` }),
  },
  'PUT /api/training/classes/{id}/sessions/{sessionId}': {
    role: 'data.write',
    records: classRead,
    request: async (w) => {
      const klass = await w.emptyClass();
      return {
        method: 'PUT',
        url: `/api/training/classes/${klass.id}/sessions/${klass.sessionId}`,
        payload: { date: '2025-05-01', startTime: '13:30', endTime: '16:30' },
      };
    },
  },
  'DELETE /api/training/classes/{id}/sessions/{sessionId}': {
    role: 'data.write',
    records: classRead,
    changes: true,
    request: async (w) => {
      const klass = await w.emptyClass();
      return { method: 'DELETE', url: `/api/training/classes/${klass.id}/sessions/${klass.sessionId}` };
    },
  },
  'POST /api/training/classes/{id}/tests': {
    role: 'data.write',
    records: classRead,
    request: async (w) => ({ method: 'POST', url: `/api/training/classes/${(await w.emptyClass()).id}/tests`, payload: { name: `Bài ${w.unique()}` } }),
  },
  'DELETE /api/training/classes/{id}/tests/{testId}': {
    role: 'data.write',
    records: classRead,
    changes: true,
    request: async (w) => {
      const klass = await w.emptyClass();
      return { method: 'DELETE', url: `/api/training/classes/${klass.id}/tests/${klass.testId}` };
    },
  },
  'DELETE /api/training/classes/{id}/enrolments/{cadreId}': {
    role: 'data.write',
    records: classRead,
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/training/classes/${(await w.klass()).id}/enrolments/${await w.cadre()}` }),
  },
  'GET /api/training/classes/{id}/attendance.xlsx': {
    records: classRead,
    request: async (w) => get(`/api/training/classes/${(await w.klass()).id}/attendance.xlsx`),
  },
  'POST /api/training/classes/{id}/attendance/import': {
    role: 'data.write',
    records: classRead,
    request: async (w) => {
      const klass = await w.klass();
      return { method: 'POST', url: `/api/training/classes/${klass.id}/attendance/import?dryRun=true`, ...(await w.attendanceWorkbook(klass.id)) };
    },
  },
  'GET /api/training/classes/{id}/results.xlsx': {
    records: classRead,
    request: async (w) => get(`/api/training/classes/${(await w.klass()).id}/results.xlsx`),
  },
  'GET /api/training/classes/{id}/plan-candidates': {
    records: classRead,
    request: async (w) => get(`/api/training/classes/${(await w.klass()).id}/plan-candidates`),
  },
  'POST /api/training/classes/{id}/sessions': {
    role: 'data.write',
    records: classRead,
    request: async (w) => ({
      method: 'POST',
      url: `/api/training/classes/${(await w.emptyClass()).id}/sessions`,
      payload: { sessions: [{ date: '2025-05-02', startTime: '08:00', endTime: '09:00' }] },
    }),
  },
  'POST /api/training/classes/{id}/enrolments': {
    role: 'data.write',
    records: async (w) => [check('unit.read', w.place.commune), check('cadre.write', await w.cadre())],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/training/classes/${(await w.emptyClass()).id}/enrolments`,
      payload: { people: [{ cadreId: await w.cadre() }] },
    }),
  },
  'PUT /api/training/classes/{id}/sessions/{sessionId}/attendance': {
    role: 'data.write',
    records: classRead,
    request: async (w) => {
      const klass = await w.klass();
      return {
        method: 'PUT',
        url: `/api/training/classes/${klass.id}/sessions/${klass.sessionId}/attendance`,
        payload: { records: [{ cadreId: await w.cadre(), status: 'present' }] },
      };
    },
  },
  'PUT /api/training/classes/{id}/tests/{testId}/scores': {
    role: 'data.write',
    records: classRead,
    request: async (w) => {
      const klass = await w.klass();
      return {
        method: 'PUT',
        url: `/api/training/classes/${klass.id}/tests/${klass.testId}/scores`,
        payload: { scores: [{ cadreId: await w.cadre(), score: 7.5 }] },
      };
    },
  },
  'POST /api/training/classes/{id}/certificates': {
    role: 'data.write',
    records: classRead,
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/training/classes/${(await w.attendedClass()).id}/certificates`,
      payload: { cadreId: await w.cadre(), number: `CC-${w.unique()}`, issuedOn: '2025-04-03' },
    }),
  },
  'POST /api/training/certificates/{id}/revoke': {
    role: 'data.write',
    records: classRead,
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/training/certificates/${await w.certificate()}/revoke`, payload: { reason: 'Cấp nhầm' } }),
  },

  // --- Training: visits and reports ------------------------------------------------------------
  'GET /api/training/visits': { records: communeRead, request: async (w) => get(`/api/training/visits?unitId=${w.place.commune}`) },
  'POST /api/training/visits': {
    role: 'data.write',
    records: async (w) => [check('unit.read', w.place.commune), check('catalogue.read', w.place.commune), check('cadre.read', await w.cadre())],
    request: async (w) => ({
      method: 'POST',
      url: '/api/training/visits',
      payload: { communeId: w.place.commune, visitedOn: '2025-05-05', officerIds: [await w.instructor()], cadreIds: [await w.cadre()] },
    }),
  },
  'PUT /api/training/visits/{id}': {
    role: 'data.write',
    records: communeRead,
    request: async (w) => ({
      method: 'PUT',
      url: `/api/training/visits/${await w.visit()}`,
      payload: { communeId: w.place.commune, visitedOn: '2025-04-06', officerIds: [await w.instructor()] },
    }),
  },
  'DELETE /api/training/visits/{id}': {
    role: 'data.write',
    records: communeRead,
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/training/visits/${await w.visit()}` }),
  },
  'GET /api/training/visits.xlsx': { records: communeRead, request: async (w) => get(`/api/training/visits.xlsx?unitId=${w.place.commune}`) },
  'GET /api/training/plan-fulfilment.xlsx': {
    records: communeRead,
    request: async (w) => get(`/api/training/plan-fulfilment.xlsx?unitId=${w.place.commune}&year=2025`),
  },
  'GET /api/training/diversity.xlsx': { records: communeRead, request: async (w) => get(`/api/training/diversity.xlsx?unitId=${w.place.commune}&year=2025`) },
  'GET /api/training/calendar': {
    records: communeRead,
    request: async (w) => get(`/api/training/calendar?unitId=${w.place.commune}&from=2025-04-01&to=2025-04-30`),
  },
  'GET /api/training/diversity': { records: communeRead, request: async (w) => get(`/api/training/diversity?unitId=${w.place.commune}&year=2025`) },
  'GET /api/training/plan-fulfilment': { records: communeRead, request: async (w) => get(`/api/training/plan-fulfilment?unitId=${w.place.commune}&year=2025`) },

  // --- Users and audit (administrators) ------------------------------------------------------
  'GET /api/users': { role: 'users.manage', request: async () => get('/api/users') },
  'POST /api/users': {
    role: 'users.manage',
    records: communeRead,
    request: async (w) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `moi.matran${w.unique()}`, fullName: 'Người dùng mới', role: 'viewer', unitId: w.place.commune, password: 'mat-khau-ma-tran-2025' },
    }),
  },
  'PATCH /api/users/{id}': {
    role: 'users.manage',
    records: communeRead,
    request: async (w) => ({ method: 'PATCH', url: `/api/users/${await w.user()}`, payload: { fullName: 'Cán bộ xã Đổi Tên' } }),
  },
  'POST /api/users/{id}/password': {
    role: 'users.manage',
    records: communeRead,
    request: async (w) => ({ method: 'POST', url: `/api/users/${await w.user()}/password`, payload: { newPassword: 'mat-khau-moi-dai-2025' } }),
  },
  'POST /api/users/{id}/unlock': {
    role: 'users.manage',
    records: communeRead,
    request: async (w) => ({ method: 'POST', url: `/api/users/${await w.user()}/unlock` }),
  },
  'GET /api/audit': { role: 'audit.read', request: async () => get('/api/audit') },

  // --- Villages, residential groups and party organisations -----------------------------------
  'GET /api/villages': { records: communeRead, request: async (w) => get(`/api/villages?communeId=${w.place.commune}`) },
  'GET /api/villages/{id}': { records: communeRead, request: async (w) => get(`/api/villages/${await w.village()}`) },
  'POST /api/villages': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: '/api/villages', payload: { communeId: w.place.commune, kind: 'thon', name: `Thôn Mới ${w.unique()}` } }),
  },
  'PATCH /api/villages/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'PATCH', url: `/api/villages/${await w.village()}`, payload: { note: 'Ghi chú' } }),
  },
  'DELETE /api/villages/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/villages/${await w.village()}` }),
  },
  'POST /api/villages/import': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    unitsInFile: true,
    request: async (w) => ({ method: 'POST', url: '/api/villages/import?dryRun=true', ...w.villagesCsv() }),
  },
  'GET /api/party-organizations': { records: communeRead, request: async (w) => get(`/api/party-organizations?communeId=${w.place.commune}`) },
  'GET /api/party-organizations/{id}': { records: communeRead, request: async (w) => get(`/api/party-organizations/${await w.organization()}`) },
  'POST /api/party-organizations': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({
      method: 'POST',
      url: '/api/party-organizations',
      payload: { communeId: w.place.commune, kind: 'chi_bo', name: `Chi bộ Mới ${w.unique()}`, parentId: await w.partyCommittee() },
    }),
  },
  'PATCH /api/party-organizations/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'PATCH', url: `/api/party-organizations/${await w.organization()}`, payload: { note: 'Ghi chú' } }),
  },
  'DELETE /api/party-organizations/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/party-organizations/${await w.organization()}` }),
  },
  'POST /api/party-organizations/import': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    unitsInFile: true,
    request: async (w) => ({ method: 'POST', url: '/api/party-organizations/import?dryRun=true', ...(await w.organizationsCsv()) }),
  },
  // --- Petitions, dialogues, the legal clock ------------------------------------------------
  'GET /api/petitions': { records: communeRead, request: async (w) => get(`/api/petitions?unitId=${w.place.commune}&status=all`) },
  'GET /api/petitions.xlsx': { records: communeRead, request: async (w) => get(`/api/petitions.xlsx?unitId=${w.place.commune}&status=all`) },
  'GET /api/petitions/options': { records: communeRead, request: async (w) => get(`/api/petitions/options?unitId=${w.place.commune}`) },
  'GET /api/petitions/report': {
    records: communeRead,
    request: async (w) => get(`/api/petitions/report?unitId=${w.place.commune}&from=2025-01-01&to=2025-12-31`),
  },
  'GET /api/petitions/report.xlsx': {
    records: communeRead,
    request: async (w) => get(`/api/petitions/report.xlsx?unitId=${w.place.commune}&from=2025-01-01&to=2025-12-31`),
  },
  'POST /api/petitions': {
    role: 'data.write',
    records: async (w) => [check('petition.receive', w.place.commune)],
    request: async (w) => ({
      method: 'POST',
      url: '/api/petitions',
      payload: {
        unitId: w.place.commune,
        receivedOn: '2025-06-02',
        channel: 'reception',
        type: 'phan_anh',
        fieldCode: 'moi_truong',
        subject: `Khói bụi lò gạch ${w.unique()}`,
        content: 'Lò gạch thủ công gây khói bụi.',
        petitioners: [{ fullName: 'Ngô Thị Phản' }],
      },
    }),
  },
  'GET /api/petitions/{id}': {
    records: async (w) => [check('petition.read', await w.petition())],
    request: async (w) => get(`/api/petitions/${await w.petition()}`),
  },
  'POST /api/petitions/{id}/decision': {
    role: 'data.write',
    records: async (w) => [check('petition.handle', await w.petition())],
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/petitions/${await w.petition()}/decision`, payload: { handling: 'accepted', on: '2025-03-05' } }),
  },
  'POST /api/petitions/{id}/refer-down': {
    role: 'data.write',
    records: async (w) => [check('petition.handle', await w.districtPetition())],
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/petitions/${await w.districtPetition()}/refer-down`, payload: { on: '2025-03-05' } }),
  },
  'POST /api/petitions/{id}/extension': {
    role: 'data.write',
    records: async (w) => [check('petition.handle', await w.acceptedDenunciation())],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/petitions/${await w.acceptedDenunciation()}/extension`,
      payload: { on: '2025-03-20', note: 'Vụ việc phức tạp, cần xác minh thêm' },
    }),
  },
  'POST /api/petitions/{id}/settlement': {
    role: 'data.write',
    records: async (w) => [check('petition.handle', await w.acceptedPetition())],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/petitions/${await w.acceptedPetition()}/settlement`,
      payload: { on: '2025-03-12', outcome: 'answered', agreed: true },
    }),
  },
  'POST /api/petitions/{id}/report-back': {
    role: 'data.write',
    records: async (w) => [check('petition.handle', await w.settledChildPetition())],
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/petitions/${await w.settledChildPetition()}/report-back`, payload: { on: '2025-03-12' } }),
  },
  'PUT /api/petitions/{id}/handlers': {
    role: 'data.write',
    records: async (w) => [check('petition.handle', await w.petition())],
    request: async (w) => ({ method: 'PUT', url: `/api/petitions/${await w.petition()}/handlers`, payload: { userIds: [await w.communeUser()] } }),
  },
  'POST /api/petitions/{id}/attachments': {
    role: 'data.write',
    records: async (w) => [check('petition.handle', await w.petition())],
    request: async (w) => ({ method: 'POST', url: `/api/petitions/${await w.petition()}/attachments`, ...w.photoUpload() }),
  },
  'GET /api/petitions/{id}/decision.docx': {
    records: async (w) => [check('petition.read', await w.acceptedPetition())],
    request: async (w) => get(`/api/petitions/${await w.acceptedPetition()}/decision.docx`),
  },
  'GET /api/petitions/{id}/attachments/{attachmentId}': {
    records: async (w) => [check('petition.read', (await w.petitionAttachment()).petitionId)],
    request: async (w) => {
      const { petitionId, attachmentId } = await w.petitionAttachment();
      return get(`/api/petitions/${petitionId}/attachments/${attachmentId}`);
    },
  },
  'GET /api/dialogues': { records: communeRead, request: async (w) => get(`/api/dialogues?unitId=${w.place.commune}`) },
  'POST /api/dialogues': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: '/api/dialogues', payload: w.dialogueBody() }),
  },
  'PUT /api/dialogues/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'PUT', url: `/api/dialogues/${(await w.dialogue()).id}`, payload: { ...w.dialogueBody(), participants: 40 } }),
  },
  'DELETE /api/dialogues/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/dialogues/${(await w.dialogue()).id}` }),
  },
  'PUT /api/dialogues/{id}/commitments/{commitmentId}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => {
      const { id, commitmentId } = await w.dialogue();
      return { method: 'PUT', url: `/api/dialogues/${id}/commitments/${commitmentId}`, payload: { doneOn: '2025-05-02' } };
    },
  },
  'GET /api/reception-sessions': {
    records: communeRead,
    request: async (w) => get(`/api/reception-sessions?unitId=${w.place.commune}&from=2025-01-01&to=2025-06-30`),
  },
  'GET /api/reception-sessions/register.xlsx': {
    records: communeRead,
    request: async (w) => get(`/api/reception-sessions/register.xlsx?unitId=${w.place.commune}&from=2025-01-01&to=2025-06-30`),
  },
  'POST /api/reception-sessions': {
    role: 'data.write',
    records: async (w) => [check('petition.receive', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: '/api/reception-sessions', payload: w.receptionBody() }),
  },
  'PUT /api/reception-sessions/{id}': {
    role: 'data.write',
    records: async (w) => [check('petition.receive', w.place.commune)],
    request: async (w) => ({ method: 'PUT', url: `/api/reception-sessions/${await w.receptionSession()}`, payload: { ...w.receptionBody(), citizens: 6 } }),
  },
  'DELETE /api/reception-sessions/{id}': {
    role: 'data.write',
    records: async (w) => [check('petition.receive', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/reception-sessions/${await w.receptionSession()}` }),
  },
  'GET /api/grassroots-problems': { records: communeRead, request: async (w) => get(`/api/grassroots-problems?unitId=${w.place.commune}&year=2025`) },
  'GET /api/grassroots-problems.xlsx': { records: communeRead, request: async (w) => get(`/api/grassroots-problems.xlsx?unitId=${w.place.commune}&year=2025`) },
  'GET /api/grassroots-problems/report.xlsx': {
    records: communeRead,
    request: async (w) => get(`/api/grassroots-problems/report.xlsx?unitId=${w.place.commune}&year=2025`),
  },
  'GET /api/grassroots-problems/options': {
    records: communeRead,
    request: async (w) => get(`/api/grassroots-problems/options?communeId=${w.place.commune}&on=2025-01-10`),
  },
  'GET /api/grassroots-problems/report': {
    records: communeRead,
    request: async (w) => get(`/api/grassroots-problems/report?unitId=${w.place.commune}&year=2025`),
  },
  'POST /api/grassroots-problems': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: '/api/grassroots-problems', payload: await w.problemBody() }),
  },
  'GET /api/grassroots-problems/{id}': { records: communeRead, request: async (w) => get(`/api/grassroots-problems/${await w.problem()}`) },
  'PUT /api/grassroots-problems/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({
      method: 'PUT',
      url: `/api/grassroots-problems/${await w.problem()}`,
      payload: { ...(await w.problemBody()), resolution: 'Nghị quyết số 05' },
    }),
  },
  'POST /api/grassroots-problems/{id}/progress': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/grassroots-problems/${await w.problem()}/progress`,
      payload: { on: '2025-03-01', status: 'resolved', note: 'Đã di dời điểm tập kết' },
    }),
  },
  'POST /api/grassroots-problems/{id}/carry-over': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/grassroots-problems/${await w.problem()}/carry-over`,
      payload: { on: '2025-12-20', targetOn: '2026-06-30', note: 'Chưa có kinh phí' },
    }),
  },
  'POST /api/grassroots-problems/{id}/attachments': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: `/api/grassroots-problems/${await w.problem()}/attachments`, ...w.photoUpload() }),
  },
  'GET /api/grassroots-problems/{id}/attachments/{attachmentId}': {
    records: communeRead,
    request: async (w) => {
      const { problemId, attachmentId } = await w.problemAttachment();
      return get(`/api/grassroots-problems/${problemId}/attachments/${attachmentId}`);
    },
  },
  'GET /api/briefings': { records: communeRead, request: async (w) => get(`/api/briefings?unitId=${w.place.commune}&from=2025-01-01&to=2025-12-31`) },
  'POST /api/briefings': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: '/api/briefings', payload: await w.briefingBody() }),
  },
  'PUT /api/briefings/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => ({
      method: 'PUT',
      url: `/api/briefings/${(await w.briefing()).id}`,
      payload: { ...(await w.briefingBody()), attendees: 'Trưởng thôn, Bí thư chi bộ, Chi hội trưởng' },
    }),
  },
  'DELETE /api/briefings/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/briefings/${(await w.briefing()).id}` }),
  },
  'POST /api/briefings/{id}/issues/{issueId}/problem': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => {
      const { id, issueId } = await w.briefing();
      return { method: 'POST', url: `/api/briefings/${id}/issues/${issueId}/problem`, payload: { year: 2025, fieldCode: 'ha_tang', targetOn: '2025-08-31' } };
    },
  },
  'GET /api/party-committees/{id}/cell-attendance': {
    records: communeRead,
    request: async (w) => get(`/api/party-committees/${await w.partyCommittee()}/cell-attendance?year=2025`),
  },
  'PUT /api/party-committees/{id}/cell-attendance/{month}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({
      method: 'PUT',
      url: `/api/party-committees/${await w.partyCommittee()}/cell-attendance/2025-03`,
      payload: { meetingDay: 4, entries: [{ cellId: await w.organization(), cadreId: await w.cadre(), status: 'present' }] },
    }),
  },
  // --- Evaluations and discipline ------------------------------------------------------
  'GET /api/cadres/{id}/evaluations': {
    records: cadreRead('cadre', 'cadre.history.read'),
    request: async (w) => get(`/api/cadres/${await w.cadre()}/evaluations`),
  },
  'PUT /api/cadres/{id}/evaluations/{year}': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    request: async (w) => ({ method: 'PUT', url: `/api/cadres/${await w.cadre()}/evaluations/2023`, payload: { evaluationClass: 'hoan_thanh' } }),
  },
  'DELETE /api/cadres/{id}/evaluations/{year}': {
    role: 'data.write',
    records: cadreRead('cadre', 'cadre.write'),
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/cadres/${await w.evaluation()}/evaluations/2022` }),
  },
  'POST /api/cadres/{id}/disciplines': {
    role: 'personalData.read',
    records: cadreRead('cadre', 'cadre.write'),
    request: async (w) => ({
      method: 'POST',
      url: `/api/cadres/${await w.cadre()}/disciplines`,
      payload: { form: 'canh_cao', decidedOn: '2018-06-01', decidingBody: 'Ủy ban Kiểm tra Huyện ủy' },
    }),
  },
  'DELETE /api/cadres/{id}/disciplines/{disciplineId}': {
    role: 'personalData.read',
    records: cadreRead('cadre', 'cadre.write'),
    changes: true,
    request: async (w) => {
      const { cadreId, id } = await w.discipline();
      return { method: 'DELETE', url: `/api/cadres/${cadreId}/disciplines/${id}` };
    },
  },
  'GET /api/evaluations/summary': { records: communeRead, request: async (w) => get(`/api/evaluations/summary?unitId=${w.place.commune}&year=2024`) },

  // --- Succession planning ------------------------------------------------------------
  'GET /api/succession-plans': { records: communeRead, request: async (w) => get(`/api/succession-plans?unitId=${w.place.commune}&term=2025-2030`) },
  'GET /api/succession-plans.xlsx': { records: communeRead, request: async (w) => get(`/api/succession-plans.xlsx?unitId=${w.place.commune}&term=2025-2030`) },
  'POST /api/succession-plans/entries': {
    role: 'data.write',
    records: async (w) => [check('succession.plan.write', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: '/api/succession-plans/entries', payload: await w.planEntryBody() }),
  },
  'POST /api/succession-plans/entries/{id}/remove': {
    role: 'data.write',
    records: async (w) => [check('succession.plan.write', w.place.commune)],
    changes: true,
    request: async (w) => ({
      method: 'POST',
      url: `/api/succession-plans/entries/${await w.planEntry()}/remove`,
      payload: { removedOn: '2025-01-15', reason: 'Chuyển công tác' },
    }),
  },

  // --- Rotations ----------------------------------------------------------------------
  'GET /api/rotations': { records: communeRead, request: async (w) => get(`/api/rotations?unitId=${w.place.commune}`) },
  'GET /api/rotations.xlsx': { records: communeRead, request: async (w) => get(`/api/rotations.xlsx?unitId=${w.place.commune}`) },
  'GET /api/rotations/outcomes': { records: communeRead, request: async (w) => get(`/api/rotations/outcomes?unitId=${w.place.commune}`) },
  'GET /api/rotations/weak-communes': { records: communeRead, request: async (w) => get(`/api/rotations/weak-communes?unitId=${w.place.commune}&year=2024`) },
  'POST /api/rotations/check': {
    role: 'rotation.decide',
    records: async (w) => [check('cadre.read', await w.rotatedPerson())],
    request: async (w) => ({ method: 'POST', url: '/api/rotations/check', payload: await w.rotationBody() }),
  },
  'POST /api/rotations': {
    role: 'rotation.decide',
    records: async (w) => [check('rotation.write', w.place.commune), check('cadre.write', await w.rotatedPerson())],
    changes: true,
    request: async (w) => ({ method: 'POST', url: '/api/rotations', payload: await w.rotationBody() }),
  },
  'GET /api/rotations/{id}': { records: communeRead, request: async (w) => get(`/api/rotations/${await w.rotation()}`) },
  'PATCH /api/rotations/{id}': {
    role: 'data.write',
    records: async (w) => [check('rotation.write', w.place.commune)],
    request: async (w) => ({
      method: 'PATCH',
      url: `/api/rotations/${await w.rotation()}`,
      payload: { midtermEvaluation: 'Hoàn thành tốt nhiệm vụ được giao' },
    }),
  },
  'POST /api/rotations/{id}/end': {
    role: 'data.write',
    records: async (w) => [check('rotation.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'POST', url: `/api/rotations/${await w.rotation()}/end`, payload: { endDate: '2026-03-31', placement: 'stay' } }),
  },
  'DELETE /api/rotations/{id}': {
    role: 'data.write',
    records: async (w) => [check('rotation.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/rotations/${await w.rotation()}` }),
  },
  'POST /api/rotations/{id}/decision-file': {
    role: 'data.write',
    records: async (w) => [check('rotation.write', w.place.commune)],
    request: async (w) => ({ method: 'POST', url: `/api/rotations/${await w.rotation()}/decision-file`, ...w.photoUpload() }),
  },
  'GET /api/rotations/{id}/decision-file': { records: communeRead, request: async (w) => get(`/api/rotations/${await w.rotationWithFile()}/decision-file`) },

  'POST /api/party-committees/{id}/cell-assignments': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({
      method: 'POST',
      url: `/api/party-committees/${await w.partyCommittee()}/cell-assignments`,
      payload: await w.cellAssignmentBody(),
    }),
  },
  'PATCH /api/cell-assignments/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({ method: 'PATCH', url: `/api/cell-assignments/${await w.cellAssignment()}`, payload: { frequencyMonths: 3 } }),
  },
  'DELETE /api/cell-assignments/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    changes: true,
    request: async (w) => ({ method: 'DELETE', url: `/api/cell-assignments/${await w.cellAssignment()}` }),
  },
  'PATCH /api/cell-meetings/{id}': {
    role: 'data.write',
    records: async (w) => [check('commune.records.write', w.place.commune)],
    request: async (w) => ({
      method: 'PATCH',
      url: `/api/cell-meetings/${await w.cellMeeting()}`,
      payload: { heldOn: '2025-03-04', issuesRaised: 'Vệ sinh môi trường thôn', followUp: 'Giao trưởng thôn đôn đốc' },
    }),
  },
  'GET /api/cell-attendance/coverage': { records: communeRead, request: async (w) => get(`/api/cell-attendance/coverage?unitId=${w.place.commune}&year=2025`) },
  'GET /api/cell-attendance/coverage.xlsx': {
    records: communeRead,
    request: async (w) => get(`/api/cell-attendance/coverage.xlsx?unitId=${w.place.commune}&year=2025`),
  },
  'GET /api/cadres/{id}/practice': { records: cadreRead('cadre', 'cadre.history.read'), request: async (w) => get(`/api/cadres/${await w.cadre()}/practice`) },
  'GET /api/cadres/{id}/practice (former unit)': {
    records: cadreRead('movedCadre', 'cadre.history.read'),
    request: async (w) => get(`/api/cadres/${await w.movedCadre()}/practice`),
  },
  'GET /api/legal-calendar': { request: async () => get('/api/legal-calendar?year=2025') },
  'PUT /api/legal-calendar/{date}': {
    role: 'legal.calendar.manage',
    request: async () => ({ method: 'PUT', url: '/api/legal-calendar/2099-06-01', payload: { kind: 'day_off', name: 'Ngày nghỉ thử' } }),
  },
  'DELETE /api/legal-calendar/{date}': { role: 'legal.calendar.manage', request: async () => ({ method: 'DELETE', url: '/api/legal-calendar/2099-06-02' }) },
  'GET /api/legal-periods': { request: async () => get('/api/legal-periods') },
  'POST /api/legal-periods': {
    role: 'legal.calendar.manage',
    request: async (w) => ({
      method: 'POST',
      url: '/api/legal-periods',
      payload: {
        code: 'petition.answer',
        amount: 10,
        unit: 'working_days',
        validFrom: w.laterDate(2040),
        basis: 'Thử nghiệm',
      },
    }),
  },
};

/** A rule in a new standard set of its own (created off, so that it conflicts with nothing in force). */
async function ruleBody(w: AccessWorld) {
  const setCode = `MT-${w.unique()}`;
  await w.asOwner(
    {
      method: 'POST',
      url: '/api/standards/sets',
      payload: { code: setCode, nameVi: 'Tiêu chuẩn thử', nameEn: 'Test standard', scope: 'provincial', legalBasis: 'Quy định thử' },
    },
    201,
  );
  return {
    code: `${setCode}/dong-bang`,
    setCode,
    appliesTo: { kind: 'group', group: 'key' },
    validTo: null,
    areaClass: 'plains',
    minProfessional: 'dai_hoc',
    professionalFields: [],
    minPoliticalTheory: 'trung_cap',
    minStateManagement: null,
    requireHighSchool: true,
    minMonthsLeftAtFirstAppointment: 60,
    minMonthsLeftAtReElection: 48,
    confirmed: false,
    legalBasis: 'Quy định thử',
    note: '',
    changeNote: 'Ban hành',
  };
}

/** The route's key without the note that tells two cases of one route apart. */
export function operationOf(key: string): string {
  return key.replace(/ \(.*\)$/, '');
}
