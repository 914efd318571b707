// The sign-in glue of demo/comments.html. The demo sign-in (as on the article page, demo/session.js)
// redirects back with `#token=<JWT>`: keep it for this tab and hand it to the thread. The server
// checks the token on every request. The page loads the library through this module: configure()
// runs in the same task as the element is defined, before the thread first asks for data.
import { configure } from '/dist/standalone/news-comments.js';
const key = 'news-elements-demo-token';
const token = new URLSearchParams(location.hash.slice(1)).get('token');
if (token) {
  history.replaceState(history.state, '', location.pathname + location.search);
  try {
    sessionStorage.setItem(key, token);
  } catch {
    // Storage blocked: the reader can still read.
  }
}
configure({
  getToken: () => {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
});
