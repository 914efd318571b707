/** Shared test helpers: console capture, waiting, and shadow-DOM queries. */

/** Records console.warn calls until `restore()`; the messages are kept as strings. */
export function captureWarnings() {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return {
    messages,
    restore: () => {
      console.warn = original;
    },
  };
}

/** Polls `check` each frame until it is truthy or `timeoutMs` passes (then throws). */
export async function waitFor<T>(check: () => T, message = 'condition', timeoutMs = 3000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  return host.shadowRoot!.querySelector<T>(selector);
}

/** XSS payloads used as attribute and text input: none may run script or produce markup. */
export const xssPayloads = [
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  'javascript:window.__xss=1',
  ' JaVaScRiPt:window.__xss=1',
  'java\tscript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  '<svg onload="window.__xss=1"></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '\u202Egnp.exe',
  '{{constructor.constructor("window.__xss=1")()}}',
];
