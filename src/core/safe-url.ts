/**
 * Returns `value` when it is an http(s) or relative URL, else null. The browser's own URL parser
 * decides, so tricks like `java\tscript:`, leading spaces or upper case are judged exactly as a
 * link would resolve them.
 */
export function safeUrl(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    const { protocol } = new URL(trimmed, document.baseURI);
    return protocol === 'http:' || protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}
