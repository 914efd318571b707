// The "Markets" strip of the demo page: a plain module (no inline script, so the page
// runs under a strict CSP). The placeholders in the HTML reserve the final height; this
// fills the same boxes with figures, or says clearly that the data is unavailable.

const widget = document.querySelector('.markets');

/** Only well-formed entries are shown; anything else in the JSON is ignored. */
function readItems(data) {
  const items = Array.isArray(data?.items) ? data.items : [];
  return items.filter((item) => typeof item?.name === 'string' && Number.isFinite(item.value) && Number.isFinite(item.changePercent)).slice(0, 4);
}

function formatters() {
  const locale = document.documentElement.lang || undefined;
  return {
    value: (n, decimals) => new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n),
    change: (percent) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        signDisplay: 'exceptZero',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(percent / 100),
    time: (iso) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(iso)),
  };
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderItem(li, item, format) {
  const direction = item.changePercent > 0 ? 'up' : item.changePercent < 0 ? 'down' : 'flat';
  const arrow = { up: '▲', down: '▼', flat: '■' }[direction];
  const decimals = Number.isInteger(item.decimals) ? Math.min(Math.max(item.decimals, 0), 6) : 2;

  li.className = `markets-item is-${direction}`;
  li.removeAttribute('aria-hidden');
  // The sign already says the direction; the arrow is for the eye only.
  const arrowIcon = element('span', 'markets-arrow', arrow);
  arrowIcon.setAttribute('aria-hidden', 'true');
  const change = element('span', 'markets-change');
  change.append(arrowIcon, ` ${format.change(item.changePercent)}`);
  // Spaces between the parts, so a screen reader says "Harbour 50, 4,812.6" and not "Harbour 504,812.6".
  li.replaceChildren(element('span', 'markets-name', item.name), ' ', element('span', 'markets-value', format.value(item.value, decimals)), ' ', change);
}

function showLoading(status, list) {
  widget.setAttribute('aria-busy', 'true');
  widget.classList.remove('is-error');
  status.textContent = 'Getting data';
  for (const li of list.children) {
    li.className = 'markets-item is-loading';
    li.setAttribute('aria-hidden', 'true');
    li.textContent = 'Loading...';
  }
}

function showError(status, list) {
  widget.setAttribute('aria-busy', 'false');
  widget.classList.add('is-error');
  status.textContent = '';
  const retry = element('button', 'markets-retry', 'Try again');
  retry.type = 'button';
  retry.addEventListener('click', () => load());
  status.append('Market data is unavailable right now. ', retry);
  for (const li of list.children) {
    li.className = 'markets-item is-unavailable';
    li.setAttribute('aria-hidden', 'true');
    li.textContent = '—';
  }
}

async function load() {
  const status = widget.querySelector('.markets-status');
  const list = widget.querySelector('.markets-list');
  showLoading(status, list);
  try {
    const response = await fetch(widget.dataset.src ?? '/demo/markets.json', {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(8000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    const items = readItems(data);
    if (items.length === 0) throw new Error('no usable items');

    const format = formatters();
    [...list.children].forEach((li, i) => {
      if (items[i]) renderItem(li, items[i], format);
      else li.remove();
    });
    const asOf = typeof data.asOf === 'string' && !Number.isNaN(Date.parse(data.asOf)) ? data.asOf : null;
    status.textContent = asOf ? `As of ${format.time(asOf)}` : '';
    widget.setAttribute('aria-busy', 'false');
  } catch (error) {
    console.warn('[demo markets] could not load market data:', error);
    showError(status, list);
  }
}

if (widget) load();
