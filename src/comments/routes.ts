import type { HttpError } from '../core/errors.js';
import type { Routes } from '../core/index.js';
import type { Comment, CommentPage, User } from '../core/types.js';

const enc = encodeURIComponent;

/** `<news-comments>`: the thread, replies, the reader's own comments, likes, reports and the session. */
export const commentsRoutes: Routes = (request, { getToken }) => ({
  listComments: (threadId, q, o) => request<CommentPage>('GET', `/threads/${enc(threadId)}/comments`, o, undefined, { ...q }),
  listReplies: (id, q, o) => request<CommentPage>('GET', `/comments/${enc(id)}/replies`, o, undefined, { ...q }),
  postComment: (threadId, input, o) => request<Comment>('POST', `/threads/${enc(threadId)}/comments`, o, input),
  editComment: (id, body, o) => request<Comment>('PATCH', `/comments/${enc(id)}`, o, { body }),
  deleteComment: (id, o) => request('DELETE', `/comments/${enc(id)}`, o),
  reportComment: (id, reason, o) => request('POST', `/comments/${enc(id)}/reports`, o, { reason }).then(() => {}),
  likeComment: (id, liked, o) => request(liked ? 'PUT' : 'DELETE', `/comments/${enc(id)}/like`, o),
  // The session comes from the bearer token: without one the reader is signed out, and asking
  // the server would only log a 401 in the console.
  getSession: async (o) =>
    getToken && (await getToken())
      ? request<User>('GET', '/session', o).catch((error: HttpError) => {
          if (error.status === 401) return null;
          throw error;
        })
      : null,
});
