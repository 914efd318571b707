import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8',
};

/**
 * The strict policy the README gives publishers: no inline script or style, and Trusted Types
 * with Lit's one policy (twice allowed, for a page that loads two copies).
 */
export const htmlContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html 'allow-duplicates'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface StaticOptions {
  root: string;
  /** Cache-Control for files served from this root. */
  cacheControl: string;
}

/**
 * Serves one file under `root` for `relativePath`, or returns null (caller answers 404).
 * Refuses anything that escapes the root, dotfiles and NUL bytes; answers conditional GETs with 304.
 */
export async function serveFile(c: Context, relativePath: string, options: StaticOptions): Promise<Response | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  if (decoded.includes('\u0000') || decoded.split(/[\\/]/).some((part) => part.startsWith('.'))) return null;
  const root = resolve(options.root);
  const file = resolve(root, `.${sep}${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  let info;
  try {
    info = await stat(file);
  } catch {
    return null;
  }
  if (!info.isFile()) return null;
  const etag = `"${createHash('sha1').update(`${info.size}-${info.mtimeMs}`).digest('base64url').slice(0, 16)}"`;
  const type = mimeTypes[file.endsWith('.d.ts') ? '.d.ts' : extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': options.cacheControl,
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = htmlContentSecurityPolicy;
    headers['Referrer-Policy'] = 'strict-origin-when-cross-origin';
    headers['X-Frame-Options'] = 'SAMEORIGIN';
  } else {
    // Publishers load the library from other origins (CDN-style), so scripts and assets are shareable.
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }
  // Compression turns the ETag weak (W/"..."); a weak match is enough for a 304 on a GET.
  const sent = (c.req.header('if-none-match') ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (sent.includes(etag)) return new Response(null, { status: 304, headers });
  const body = c.req.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, { status: 200, headers });
}

/**
 * Cache-Control for a file under /dist/: chunks whose name carries a content hash never change, so
 * they may be cached for a year; entry files keep a short, revalidated lifetime.
 */
export function distCacheControl(path: string): string {
  return /\/chunks\/[^/]+-[A-Za-z0-9_-]{8}\.js$/.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate';
}
