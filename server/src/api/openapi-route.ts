import { createRoute, z } from '@hono/zod-openapi';

/** GET /openapi.json: the document itself. */
export const openApiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This document',
  responses: {
    200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: z.object({}).loose() } } },
  },
});
