import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

// A calm sage-teal; shade 7 is the brand colour of filled controls.
const anchor: MantineColorsTuple = ['#eef7f5', '#dcece8', '#b4d8cf', '#8ac3b5', '#67b09f', '#50a391', '#3f8b7a', '#2f6f62', '#245a4f', '#17443b'];

// Mantine's default shades put white text on mid-tone fills and mid-tone text on pale fills,
// which falls short of WCAG AA (4.5:1) for several colours. Darken both so every badge, button
// and alert passes axe's contrast check, whatever colour a screen picks.
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
  if (input.variant === 'light' || input.variant === 'outline' || input.variant === 'subtle' || input.variant === 'transparent') {
    // Shade 9 alone is borderline for teal and green on their own tint (4.49:1); darken a little.
    return { ...resolved, color: darken(shades[9], 0.15), border: input.variant === 'outline' ? `1px solid ${shades[8]}` : resolved.border };
  }
  return resolved;
};

export const theme = createTheme({
  primaryColor: 'anchor',
  primaryShade: { light: 7, dark: 4 },
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

// Mantine's default "dimmed" grey and error red are below AA contrast on white; use darker ones.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a', '--mantine-color-anchor-text': '#245a4f', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
