import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Spanish: every key of `../messages.ts`, or the typecheck fails. */
const es: Translation<typeof messages> = {
  'commentCount.count': { zero: 'Sin comentarios', one: '{count} comentario', other: '{count} comentarios' },
  'commentCount.fallback': 'Comentarios',
};
export default es;
