// Demo sign-in glue, as a publisher with single sign-on would write it. The reference server's
// demo-only `/demo/sign-in?returnUrl=/` redirects back to `/#token=<JWT>`: keep the token for this
// tab, clear it from the address bar, and hand it to news-elements through `configure({ getToken })`.
// Loaded as a module that imports the library, so the token is in place before any element asks for data.
import { configure } from '/dist/news-elements.js';

const storageKey = 'news-elements-demo-token';
const signInPath = '/demo/sign-in';

/** The JWT's claims, for display only (the server verifies the signature on every request). */
function readClaims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims?.sub === 'string' ? claims : null;
  } catch {
    return null;
  }
}

function isFresh(claims) {
  return Boolean(claims) && (typeof claims.exp !== 'number' || claims.exp * 1000 > Date.now() + 30_000);
}

function storedToken() {
  try {
    const token = sessionStorage.getItem(storageKey);
    if (token && isFresh(readClaims(token))) return token;
    if (token) sessionStorage.removeItem(storageKey);
  } catch {
    // Storage blocked (private mode, sandboxed frame): the reader stays signed out.
  }
  return null;
}

function takeTokenFromAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (!token) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  if (!isFresh(readClaims(token))) return;
  try {
    sessionStorage.setItem(storageKey, token);
  } catch {
    // Nowhere to keep it; the reader can still read everything.
  }
}

function signOut() {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing was stored.
  }
  // A new configuration gives every element a fresh adapter, so they show the signed-out state.
  configure({ getToken: storedToken });
  renderAccount();
}

/** The header's account line: a sign-in link, or the reader's name and a sign-out button. */
function renderAccount() {
  const account = document.querySelector('.account');
  if (!account) return;
  const token = storedToken();
  const claims = token ? readClaims(token) : null;
  if (!claims) {
    const link = document.createElement('a');
    link.href = `${signInPath}?returnUrl=${encodeURIComponent(location.pathname + location.search)}`;
    link.textContent = 'Sign in';
    account.replaceChildren(link);
    return;
  }
  const name = document.createElement('strong');
  name.textContent = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : 'reader';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'account-sign-out';
  button.textContent = 'Sign out';
  button.addEventListener('click', signOut);
  account.replaceChildren('Signed in as ', name, ' ', button);
}

takeTokenFromAddress();
configure({ getToken: storedToken });
renderAccount();
