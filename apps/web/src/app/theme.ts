import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  localStorageColorSchemeManager,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

// A calm sage-teal; shade 7 is the brand colour of filled controls.
const anchor: MantineColorsTuple = ['#eef7f5', '#dcece8', '#b4d8cf', '#8ac3b5', '#67b09f', '#50a391', '#3f8b7a', '#2f6f62', '#245a4f', '#17443b'];

/**
 * The device's light or dark setting, unless the person picked one under Settings → Appearance
 * (kept in this browser only).
 */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'anchored.colorScheme' });

// Mantine's default shades put white text on mid-tone fills and mid-tone text on pale fills,
// which falls short of WCAG AA (4.5:1) for several colours. Fills are darkened here (white on a
// dark fill reads in both schemes); text on tints goes through `--mantine-color-X-light-color`,
// set per scheme in cssVariablesResolver below.
const FILL_SHADE: Record<string, number> = { red: 9, orange: 9, yellow: 9, green: 9, teal: 8, cyan: 9, lime: 9, pink: 8, grape: 8 };
const accessibleVariants: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return resolved;
  const shades = input.theme.colors[parsed.color];
  if (input.variant === 'filled') {
    const shade = parsed.color === 'anchor' ? 7 : (FILL_SHADE[parsed.color] ?? 8);
    return { ...resolved, background: shades[shade], hover: shades[Math.min(shade + 1, 9)], color: '#fff' };
  }
  if (input.variant === 'outline') {
    return { ...resolved, color: `var(--mantine-color-${parsed.color}-light-color)`, border: `1px solid var(--mantine-color-${parsed.color}-outline)` };
  }
  return resolved;
};

export const theme = createTheme({
  primaryColor: 'anchor',
  // Shade 7 in dark too: a plain filled button (no colour given) keeps white text at AA contrast.
  primaryShade: { light: 7, dark: 7 },
  colors: { anchor },
  variantColorResolver: accessibleVariants,
  // People who ask their system for less motion get no modal and menu animations.
  respectReducedMotion: true,
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif', fontWeight: '600' },
  defaultRadius: 'md',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss message' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

/**
 * Per scheme: text on tints dark enough on white (shade 9 alone is borderline for teal and green
 * on their own tint, 4.49:1, so a little darker) and light enough on dark grey; Mantine's "dimmed"
 * grey and error red darkened on white. The `--anchored-*` colours are what screens use for their
 * own tinted surfaces and coloured text, so none names a fixed shade that reads in one scheme only.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  for (const [name, shades] of Object.entries(t.colors)) {
    light[`--mantine-color-${name}-light-color`] = darken(shades[9], 0.15);
    light[`--mantine-color-${name}-outline`] = shades[8];
    dark[`--mantine-color-${name}-light-color`] = shades[1];
    dark[`--mantine-color-${name}-outline`] = shades[3];
  }
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': '#495057',
      '--mantine-color-placeholder': '#5c636a',
      '--mantine-color-anchor-text': '#245a4f',
      '--mantine-color-error': '#c92a2a',
      '--anchored-page': '#f7f8f7',
      '--anchored-tint': 'var(--mantine-color-anchor-0)',
      '--anchored-tint-strong': 'var(--mantine-color-anchor-1)',
      '--anchored-muted-surface': 'var(--mantine-color-gray-0)',
      '--anchored-muted-surface-strong': 'var(--mantine-color-gray-1)',
      '--anchored-alert-surface': 'var(--mantine-color-red-0)',
      '--anchored-brand-text': 'var(--mantine-color-anchor-8)',
      '--anchored-brand-border': 'var(--mantine-color-anchor-3)',
      '--anchored-success-text': 'var(--mantine-color-teal-9)',
      '--anchored-danger-text': 'var(--mantine-color-red-9)',
      '--anchored-warning-text': 'var(--mantine-color-orange-9)',
    },
    dark: {
      ...dark,
      '--mantine-color-dimmed': '#b8bcc2',
      '--mantine-color-placeholder': '#9a9ea4',
      '--mantine-color-anchor-text': 'var(--mantine-color-anchor-2)',
      '--mantine-color-error': '#ff8787',
      '--anchored-page': 'var(--mantine-color-dark-8)',
      '--anchored-tint': '#1d3430',
      '--anchored-tint-strong': '#24433d',
      '--anchored-muted-surface': 'var(--mantine-color-dark-6)',
      '--anchored-muted-surface-strong': 'var(--mantine-color-dark-5)',
      '--anchored-alert-surface': '#3b2324',
      '--anchored-brand-text': 'var(--mantine-color-anchor-2)',
      '--anchored-brand-border': 'var(--mantine-color-anchor-7)',
      '--anchored-success-text': 'var(--mantine-color-teal-3)',
      '--anchored-danger-text': 'var(--mantine-color-red-3)',
      '--anchored-warning-text': 'var(--mantine-color-orange-3)',
    },
  };
};
