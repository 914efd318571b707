import { OpenAPIHono } from '@hono/zod-openapi';
import { adminApi } from '../routes/admin.ts';
import { articleApi } from '../routes/articles.ts';
import { commentApi } from '../routes/comments.ts';
import { feedApi } from '../routes/feeds.ts';
import { pollApi } from '../routes/polls.ts';
import { trendingApi } from '../routes/trending.ts';
import { openApiRoute } from './openapi-route.ts';
import { InlineNodeSchema } from './schemas.ts';

/**
 * openapi.json, generated from the route declarations: the zod schemas that validate each request
 * and describe each reply. `npm run openapi` writes it; a server test checks the committed copies.
 */
export function openApiDocument() {
  const app = new OpenAPIHono();
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'reader', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'HS256 JWT signed with JWT_SECRET; claims sub, name, optional avatar.',
  });
  registry.registerComponent('securitySchemes', 'admin', { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN value.' });
  registry.registerComponent('securitySchemes', 'voterCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'news_voter',
    description: 'Server-issued anonymous voter id (HttpOnly).',
  });
  // Inline text inside paragraph, quote and list blocks; blocks themselves are open-ended objects.
  registry.register('InlineNode', InlineNodeSchema);
  for (const route of [...articleApi, ...pollApi, ...commentApi, ...feedApi, ...adminApi, ...trendingApi, openApiRoute]) registry.registerPath(route);
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'news-elements reference API',
      version: '0.1.0',
      description:
        'The news-elements REST contract. Errors are {"error": {"code", "message"}}. Writes accept an Idempotency-Key header. Rate-limited responses carry Retry-After.',
    },
    servers: [{ url: '/api' }],
    security: [{}, { reader: [] }],
    tags: [{ name: 'articles' }, { name: 'polls' }, { name: 'comments' }, { name: 'session' }, { name: 'feeds' }, { name: 'admin' }],
  });
}
