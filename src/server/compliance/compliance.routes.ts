import { actorOf } from '../auth/auth.hook.js';
import type { FeatureRoutes } from '../context.js';
import {
  addRuleBodySchema,
  addVersionBodySchema,
  asOfQuerySchema,
  cadreComplianceParamsSchema,
  cadreComplianceResponseSchema,
  createSetBodySchema,
  listRulesQuerySchema,
  listRulesResponseSchema,
  listSetsResponseSchema,
  peopleQuerySchema,
  peopleResponseSchema,
  ruleParamsSchema,
  setParamsSchema,
  standardRuleSchema,
  standardSetSchema,
  summaryQuerySchema,
  summaryResponseSchema,
  updateSetBodySchema,
} from './compliance.schema.js';
import { ComplianceService } from './compliance.service.js';
import { StandardsService } from './standards.service.js';

export const complianceRoutes: FeatureRoutes = (app, context) => {
  const compliance = new ComplianceService(context);
  const standards = new StandardsService(context);
  const tags = ['compliance'];
  const standardTags = ['standards'];

  app.get(
    '/api/cadres/:id/compliance',
    {
      schema: {
        tags,
        summary: 'Mức đạt chuẩn của từng chức vụ chủ chốt của một người tại một thời điểm',
        params: cadreComplianceParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: cadreComplianceResponseSchema },
      },
    },
    (request) => compliance.ofCadre(actorOf(request), request.params.id, request.query.asOf),
  );

  app.get(
    '/api/compliance/summary',
    {
      schema: {
        tags,
        summary: 'Tổng hợp chuẩn hóa cán bộ của một đơn vị và các đơn vị trực thuộc tại một thời điểm',
        querystring: summaryQuerySchema,
        response: { 200: summaryResponseSchema },
      },
    },
    (request) => compliance.summary(actorOf(request), request.query),
  );

  app.get(
    '/api/compliance/people',
    {
      schema: {
        tags,
        summary: 'Danh sách cán bộ theo mức đạt chuẩn, kèm những điểm còn thiếu',
        querystring: peopleQuerySchema,
        response: { 200: peopleResponseSchema },
      },
    },
    (request) => compliance.people(actorOf(request), request.query),
  );

  app.get('/api/standards/sets', { schema: { tags: standardTags, summary: 'Các bộ tiêu chuẩn chức danh', response: { 200: listSetsResponseSchema } } }, () =>
    standards.listSets(),
  );

  app.post(
    '/api/standards/sets',
    { schema: { tags: standardTags, summary: 'Thêm bộ tiêu chuẩn (quản trị)', body: createSetBodySchema, response: { 201: standardSetSchema } } },
    async (request, reply) => reply.status(201).send(await standards.createSet(actorOf(request), request.body)),
  );

  app.patch(
    '/api/standards/sets/:code',
    {
      schema: {
        tags: standardTags,
        summary: 'Bật, tắt một bộ tiêu chuẩn (quản trị)',
        params: setParamsSchema,
        body: updateSetBodySchema,
        response: { 200: standardSetSchema },
      },
    },
    (request) => standards.setEnabled(actorOf(request), request.params.code, request.body.enabled),
  );

  app.get(
    '/api/standards/rules',
    {
      schema: {
        tags: standardTags,
        summary: 'Các tiêu chuẩn và phiên bản của chúng',
        querystring: listRulesQuerySchema,
        response: { 200: listRulesResponseSchema },
      },
    },
    (request) => standards.listRules(request.query),
  );

  app.post(
    '/api/standards/rules',
    { schema: { tags: standardTags, summary: 'Thêm tiêu chuẩn vào một bộ (quản trị)', body: addRuleBodySchema, response: { 201: standardRuleSchema } } },
    async (request, reply) => reply.status(201).send(await standards.addRule(actorOf(request), request.body)),
  );

  app.post(
    '/api/standards/rules/:code/versions',
    {
      schema: {
        tags: standardTags,
        summary: 'Phiên bản mới của một tiêu chuẩn, có hiệu lực từ một ngày (quản trị)',
        params: ruleParamsSchema,
        body: addVersionBodySchema,
        response: { 201: standardRuleSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await standards.addVersion(actorOf(request), request.params.code, request.body)),
  );
};
