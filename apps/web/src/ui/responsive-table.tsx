import { Box, Card, Group, Stack, Table, Text, VisuallyHidden, em, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, type CSSProperties, type ReactNode } from 'react';

/**
 * One column of a `ResponsiveTable`. On a phone each row becomes a card: the `title` column heads
 * it with the `status` columns beside it, the `actions` columns sit at its foot, and every other
 * column is a labelled line in between.
 */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  kind?: 'title' | 'status' | 'actions';
  /** The header is read by screen readers only (e.g. "Actions"). */
  hideHeader?: boolean;
  /** Table only. */
  width?: number;
  align?: 'left' | 'right';
}

interface ResponsiveTableProps<T> {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** A visible caption (table) / the list's accessible name (cards). */
  caption?: string;
  /** Or the id of the heading that names the table/list. */
  labelledBy?: string;
  /** Below this width the table scrolls inside its container (wide screens only). */
  minWidth?: number;
  /** A row that needs attention (e.g. reach out): tinted in both layouts. */
  highlight?: (row: T) => boolean;
  verticalSpacing?: 'xs' | 'sm' | 'md';
  /** Wide screens: the table in a card of its own. */
  framed?: boolean;
}

/** True below Mantine's `sm` breakpoint (48em, 768 px): phones, where rows become cards. */
export function useNarrowScreen(): boolean {
  const theme = useMantineTheme();
  const sm = theme.breakpoints.sm;
  // Read at once (no SSR here), so a phone never renders the table first and then swaps.
  return useMediaQuery(`(max-width: ${em(parseFloat(sm) * 16 - 0.02)})`, false, { getInitialValueInEffect: false });
}

const HIGHLIGHT = 'var(--anchored-alert-surface)';

/**
 * A table on wide screens and a list of cards on phones, so every status and action of a row is on
 * screen, whole, without scrolling sideways.
 */
export function ResponsiveTable<T>({ rows, columns, rowKey, caption, labelledBy, minWidth = 560, highlight, verticalSpacing = 'sm', framed = false }: ResponsiveTableProps<T>) {
  const narrow = useNarrowScreen();
  const title = columns.find((c) => c.kind === 'title');
  const statuses = columns.filter((c) => c.kind === 'status');
  const actions = columns.filter((c) => c.kind === 'actions');
  const fields = columns.filter((c) => !c.kind);

  if (narrow) {
    return (
      <Stack gap="sm" component="ul" aria-label={labelledBy ? undefined : caption} aria-labelledby={labelledBy} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => {
          const foot = actions.map((c) => ({ key: c.header, node: c.cell(row) })).filter((a) => a.node !== null && a.node !== undefined && a.node !== false);
          return (
            <Card key={rowKey(row)} component="li" padding="sm" bg={highlight?.(row) ? HIGHLIGHT : undefined}>
              <Stack gap="xs">
                {(title || statuses.length > 0) && (
                  <Group justify="space-between" align="flex-start" gap="xs">
                    {title && <Box style={{ flex: '1 1 10rem', minWidth: 0, overflowWrap: 'anywhere' }}>{title.cell(row)}</Box>}
                    {statuses.map((c) => (
                      <Box key={c.header} style={{ maxWidth: '100%' }}>
                        {c.cell(row)}
                      </Box>
                    ))}
                  </Group>
                )}
                {fields.length > 0 && (
                  <Box component="dl" m={0} style={FIELDS}>
                    {fields.map((c) => (
                      <FieldLine key={c.header} label={c.header}>
                        {c.cell(row)}
                      </FieldLine>
                    ))}
                  </Box>
                )}
                {foot.length > 0 && (
                  <Group gap="xs">
                    {foot.map((a) => (
                      <Fragment key={a.key}>{a.node}</Fragment>
                    ))}
                  </Group>
                )}
              </Stack>
            </Card>
          );
        })}
      </Stack>
    );
  }

  const table = (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing} horizontalSpacing={framed ? 'md' : undefined} highlightOnHover={framed} aria-labelledby={labelledBy}>
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col" w={c.width} ta={c.align}>
                {c.hideHeader ? <VisuallyHidden>{c.header}</VisuallyHidden> : c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} bg={highlight?.(row) ? HIGHLIGHT : undefined}>
              {columns.map((c) =>
                c.kind === 'title' ? (
                  <Table.Th key={c.header} scope="row" fw={500}>
                    {c.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={c.header} ta={c.align}>
                    {c.cell(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return framed ? <Card p={0}>{table}</Card> : table;
}

const FIELDS: CSSProperties = { display: 'grid', gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)', columnGap: 'var(--mantine-spacing-sm)', rowGap: 4 };

function FieldLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0} fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </>
  );
}
