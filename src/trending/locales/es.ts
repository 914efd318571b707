import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Spanish: every key of `../messages.ts`, or the typecheck fails. */
const es: Translation<typeof messages> = {
  'trending.label': 'Tendencias',
  'trending.pause': 'Pausar los titulares en tendencia',
  'trending.play': 'Reanudar los titulares en tendencia',
};
export default es;
