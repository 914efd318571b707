/** Small helpers shared by the stories files; not part of the library. */
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

/** Picks the CSS custom property args (`--news-…`) a Playground sets, ready for `style=${…}`. */
export function cssProperties(args: object) {
  const entries = Object.entries(args).filter(
    ([name, value]) => name.startsWith('--') && typeof value === 'string' && value.trim() !== '',
  );
  return styleMap(Object.fromEntries(entries) as Record<string, string>);
}

/**
 * Places an element between two paragraphs of article text, so designers judge its spacing and
 * contrast against body copy rather than alone on an empty canvas.
 */
export function inArticle(element: TemplateResult, lang: 'en' | 'ar' | 'es' = 'en'): TemplateResult {
  const text = {
    en: [
      'The harbour authority confirmed on Tuesday that the eastern quay will reopen to fishing boats next month, after a winter of repairs that cost more than twice the original estimate.',
      'Local traders said the delay had hurt the spring season, but welcomed the new lighting and the wider slipway that now lets two boats unload at once.',
    ],
    es: [
      'La autoridad portuaria confirmó el martes que el muelle este reabrirá a los barcos pesqueros el próximo mes, tras un invierno de reparaciones que costaron más del doble de lo previsto.',
      'Los comerciantes locales dijeron que el retraso perjudicó la temporada de primavera, pero celebraron la nueva iluminación y la rampa más ancha.',
    ],
    ar: [
      'أكدت هيئة الميناء يوم الثلاثاء أن الرصيف الشرقي سيُعاد افتتاحه أمام قوارب الصيد الشهر المقبل، بعد شتاء من أعمال الإصلاح التي كلّفت أكثر من ضعف التقديرات الأولية.',
      'وقال التجار المحليون إن التأخير أضرّ بموسم الربيع، لكنهم رحّبوا بالإنارة الجديدة والمنحدر الأوسع الذي يتيح لقاربين التفريغ في آن واحد.',
    ],
  }[lang];
  return html`<article style="max-width: 40rem; margin-inline: auto">
    <p>${text[0]}</p>
    ${element}
    <p>${text[1]}</p>
  </article>`;
}
