import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Spanish: every key of `../messages.ts`, or the typecheck fails. */
const es: Translation<typeof messages> = {
  'byline.by': 'Por {author}',
  'byline.avatar': 'Autor',
  'byline.published': '{date}',
  'byline.updated': 'Actualizado {date}',
  'byline.readingTime': { one: '{count} min de lectura', other: '{count} min de lectura' },
};
export default es;
