import type { Messages } from '../i18n.js';

const es: Messages = {
  'common.retry': 'Reintentar',
  'common.loading': 'Cargando…',
  'didYouKnow.heading': '¿Sabías que…?',
  'alsoRead.label': 'Lee también',
  'alsoRead.previewFailed': 'Vista previa no disponible.',
  'article.loadFailed': 'No se pudo cargar este artículo.',
  'byline.by': 'Por {author}',
  'byline.avatar': 'Autor',
  'byline.published': '{date}',
  'byline.updated': 'Actualizado {date}',
  'byline.readingTime': { one: '{count} min de lectura', other: '{count} min de lectura' },
  'related.heading': 'Artículos relacionados',
};
export default es;
