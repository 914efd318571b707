import type { Translation } from '../i18n.js';
import type en from './en.js';

/** The Spanish wording of the strings every element shares. */
const es: Translation<typeof en> = {
  'common.retry': 'Reintentar',
  'common.loading': 'Cargando…',
};
export default es;
