// The chaos page's setup, as a publisher would write it: one fetch adapter for the page with a shorter
// timeout than the default 8 s (so a hung server is noticed within seconds), and the reader's JWT from
// sessionStorage (put there by the test). `?poll=` and `?thread=` point the poll and the comments (and
// the count) at other ids; `?timeout=` changes the per-attempt timeout.
import { configure, createFetchAdapter } from '/dist/news-elements.js';

const params = new URLSearchParams(location.search);
const poll = params.get('poll');
const thread = params.get('thread');
if (poll) document.querySelector('news-poll').setAttribute('poll-id', poll);
if (thread) for (const element of document.querySelectorAll('news-comments, news-comment-count')) element.setAttribute('thread-id', thread);

configure({
  adapter: createFetchAdapter({
    endpoint: '/api',
    timeoutMs: Number(params.get('timeout') ?? 2000),
    getToken: () => sessionStorage.getItem('news-elements-test-token'),
  }),
});
