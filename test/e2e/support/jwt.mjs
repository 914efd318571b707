// Reader tokens the way a publisher's login would sign them: an HS256 JWT over the server's JWT_SECRET,
// with node:crypto and no dependency.
import { createHmac } from 'node:crypto';

/** Signs `claims` (sub, name, avatar, …) with `secret`, issued now and valid for `ttlSeconds`. */
export function signJwt(secret, claims, { ttlSeconds = 3600 } = {}) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + ttlSeconds })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
