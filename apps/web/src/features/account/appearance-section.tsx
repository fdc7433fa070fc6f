import { Card, SegmentedControl, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';

const CHOICES: { value: MantineColorScheme; label: string }[] = [
  { value: 'auto', label: 'Like this device' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light or dark, for this browser only (kept in localStorage by the colour-scheme manager). */
export function AppearanceSection() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Card component="section" aria-labelledby="appearance-title">
      <Title order={2} size="h4" mb="xs" id="appearance-title">
        Appearance
      </Title>
      <Text size="sm" c="dimmed" mb="sm" id="appearance-help">
        Anchored follows your device&apos;s light or dark setting. You can choose one for this browser instead.
      </Text>
      <SegmentedControl
        aria-labelledby="appearance-title"
        aria-describedby="appearance-help"
        value={colorScheme}
        onChange={(value) => setColorScheme(value as MantineColorScheme)}
        data={CHOICES}
      />
    </Card>
  );
}
