/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

/** The parts of the custom elements manifest this file touches. */
interface Manifest {
  modules?: {
    declarations?: {
      members?: { name: string; privacy?: string; static?: boolean; attribute?: string }[];
      slots?: { name: string }[];
      cssParts?: { name: string }[];
    }[];
  }[];
}

/**
 * Shapes the manifest for the controls table, where every API item is one arg keyed by name:
 * - only the public API: the analyzer also lists private and protected fields, internal state a
 *   designer cannot set;
 * - a field with an attribute appears once, as the attribute publishers write;
 * - parts and named slots get their CSS/HTML spelling (`::part(heading)`, `slot="heading"`), so a
 *   part or slot that shares a name with an attribute (`heading`) no longer replaces its row.
 */
function designerFacing(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter((member) => (member.privacy ?? 'public') === 'public' && !member.static && !member.attribute),
        slots: declaration.slots?.map((slot) => (slot.name ? { ...slot, name: `slot="${slot.name}"` } : slot)),
        cssParts: declaration.cssParts?.map((part) => ({ ...part, name: `::part(${part.name})` })),
      })),
    })),
  };
}

/** Table categories the manifest fills with things a control cannot set. */
const documentationOnly = new Set(['css shadow parts', 'slots', 'events']);

/**
 * Parts, manifest slots and events are documentation rows: without this, Storybook infers an
 * "object" control for them. Stories that do drive a slot (e.g. the fact text) set their own control.
 */
const withoutPointlessControls: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => [
      name,
      argType.control === undefined && documentationOnly.has(String(argType.table?.category)) ? { ...argType, control: false } : argType,
    ]),
  );

// `npm run analyze` writes the manifest into dist/. A glob (not an import) lets Storybook start
// without it, only with fewer controls and thinner docs, instead of failing the whole build.
const manifests = import.meta.glob<Manifest>('../dist/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) {
  setCustomElementsManifest(designerFacing(manifest));
} else {
  console.warn('news-elements Storybook: dist/custom-elements.json is missing; run `npm run analyze` for controls and API docs.');
}

type Theme = 'light' | 'dark';
type Direction = 'auto' | 'ltr' | 'rtl';

/** A plain article page in each scheme, so designers judge the elements on a realistic page. */
const pageColors: Record<Theme, { background: string; color: string }> = {
  light: { background: '#ffffff', color: '#1c1d21' },
  dark: { background: '#15171c', color: '#e8e9ed' },
};

const rtlLocales = new Set(['ar', 'he', 'fa', 'ur']);

/** Named viewports; the phone frame below mirrors `phone` so direct iframe links stay narrow too. */
const PHONE_WIDTH = 375;

function resolveDirection(dir: Direction | undefined, locale: string): 'ltr' | 'rtl' {
  if (dir === 'ltr' || dir === 'rtl') return dir;
  return rtlLocales.has(locale.split('-')[0]) ? 'rtl' : 'ltr';
}

function viewportName(viewport: unknown): string | undefined {
  if (typeof viewport === 'string') return viewport;
  if (viewport && typeof viewport === 'object' && 'value' in viewport) return String(viewport.value);
  return undefined;
}

/**
 * Applies the toolbar globals. In a single story the whole page follows them (color-scheme, dir
 * and lang on <html>, page background on <body>), as a publisher's page would; on a docs page the
 * frame around each story carries them, so a "Dark" story does not darken the docs around it.
 */
const withPage: Decorator = (story, context) => {
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const locale = String(context.globals.locale ?? 'en');
  const dir = resolveDirection(context.globals.dir as Direction | undefined, locale);
  const phone = viewportName(context.globals.viewport) === 'phone';
  const colors = pageColors[theme];

  if (context.viewMode === 'story') {
    const root = document.documentElement;
    root.lang = locale;
    root.dir = dir;
    root.style.colorScheme = theme;
    document.body.style.background = colors.background;
    document.body.style.color = colors.color;
  }

  const frame = {
    'color-scheme': theme,
    background: colors.background,
    color: colors.color,
    'font-family': 'system-ui, sans-serif',
    'line-height': '1.5',
    padding: phone ? '16px' : '24px',
    'box-sizing': 'border-box',
    'max-width': phone ? `${PHONE_WIDTH}px` : 'none',
  };
  return html`<div class="news-story-frame" lang=${locale} dir=${dir} style=${styleMap(frame)}>${story()}</div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withPage],
  argTypesEnhancers: [withoutPointlessControls],
  globalTypes: {
    theme: {
      description: 'Page color scheme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'Direction from locale' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Page language (lang on <html>); Arabic also turns the page right to left',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', right: 'en', title: 'English' },
          { value: 'es', right: 'es', title: 'Español' },
          { value: 'ar', right: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    theme: 'light',
    dir: 'auto',
    locale: 'en',
  },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: {
      options: {
        phone: { name: `Phone (${PHONE_WIDTH} px)`, styles: { width: `${PHONE_WIDTH}px`, height: '740px' }, type: 'mobile' },
        desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    a11y: {
      // Violations fail the story (in the a11y panel and in test runs), they are not just listed.
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
  },
};

export default preview;
