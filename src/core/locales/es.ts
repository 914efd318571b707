import type { Messages } from '../i18n.js';

const es: Messages = {
  'common.retry': 'Reintentar',
  'common.loading': 'Cargando…',
  'didYouKnow.heading': '¿Sabías que…?',
  'alsoRead.label': 'Lee también',
  'alsoRead.previewFailed': 'Vista previa no disponible.',
};
export default es;
