/** Elements holding their height, with the inline min-block-size each had before. */
const held = new Map<HTMLElement, string>();
let observer: IntersectionObserver | undefined;

function release(host: HTMLElement) {
  const before = held.get(host);
  if (before === undefined) return;
  held.delete(host);
  observer?.unobserve(host);
  host.style.minBlockSize = before;
}

/** The first laid-out element after `host` in the page's flow (a later sibling, or an ancestor's). */
function following(host: Element): Element | undefined {
  for (let node: Element | null = host; node; node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.getClientRects().length) return next;
    }
  }
  return undefined;
}

/**
 * Call before a render that may make `host` shorter (an answer replacing a skeleton, or nothing to
 * show): while any of it is on screen it keeps the room it takes now, so what follows does not jump
 * under the reader, and it lets go once scrolled out of view (scroll anchoring keeps the page still
 * when that happens above the reader). Off screen it does nothing. The room is measured on what
 * follows the host, so margins that collapsed through it are kept too. Sets the host's inline
 * `min-block-size` through the CSSOM (allowed under a strict style-src) and restores it afterwards.
 */
export function holdHeightWhileVisible(host: HTMLElement & { updateComplete: Promise<unknown> }): void {
  if (held.has(host) || typeof IntersectionObserver === 'undefined') return;
  const rect = host.getBoundingClientRect();
  if (!rect.height || rect.bottom <= 0 || rect.top >= innerHeight) return;
  const next = following(host);
  const nextTop = next?.getBoundingClientRect().top;
  held.set(host, host.style.minBlockSize);
  host.style.minBlockSize = `${rect.height}px`;
  // After the render, before the frame is drawn: make up what collapsed margins took away.
  void host.updateComplete.then(() => {
    if (!held.has(host) || !next || nextTop === undefined) return;
    const drift = nextTop - next.getBoundingClientRect().top;
    if (drift > 0.5) host.style.minBlockSize = `${host.getBoundingClientRect().height + drift}px`;
  });
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) if (!entry.isIntersecting) release(entry.target as HTMLElement);
  });
  observer.observe(host);
}

const unanchored = new WeakSet<HTMLElement>();

/**
 * While `busy` (placeholders on show), `host` is never the browser's scroll anchor, so when what
 * arrives is taller than the placeholders, the page holds still around what the reader is looking
 * at after the host instead of moving it down. Cleared two frames after the content arrived, once
 * the browser has anchored that change.
 */
export function notAnchorWhileBusy(host: HTMLElement, busy: boolean): void {
  if (busy && !unanchored.has(host)) {
    unanchored.add(host);
    host.style.overflowAnchor = 'none';
  } else if (!busy && unanchored.has(host)) {
    unanchored.delete(host);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!unanchored.has(host)) host.style.overflowAnchor = '';
      }),
    );
  }
}
