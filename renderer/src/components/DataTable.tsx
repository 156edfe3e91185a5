import { Table, Text, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  w?: number;
  ta?: 'left' | 'right';
}

/**
 * The app's list table: a header from the column labels, the rows given as children, striped,
 * scrolling sideways on a narrow window.
 */
export function DataTable(props: {
  columns: readonly (Column | false | null | undefined)[];
  children: ReactNode;
  /** Below this width the table scrolls sideways; without it, it never does. */
  minWidth?: number;
  testId?: string;
  highlightOnHover?: boolean;
  striped?: boolean;
  verticalSpacing?: MantineSpacing | number;
}) {
  const table = (
    <Table striped={props.striped ?? true} highlightOnHover={props.highlightOnHover} verticalSpacing={props.verticalSpacing ?? 'xs'} data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          {props.columns
            .filter((c): c is Column => !!c)
            .map((c, i) => (
              <Table.Th key={i} w={c.w} ta={c.ta}>
                {c.label}
              </Table.Th>
            ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{props.children}</Table.Tbody>
    </Table>
  );
  return props.minWidth ? <Table.ScrollContainer minWidth={props.minWidth}>{table}</Table.ScrollContainer> : table;
}

/** A cell with a name and a grey line under it (an address, a fingerprint, a subject). */
export function TwoLineCell({ primary, secondary, strong = true }: { primary: ReactNode; secondary?: ReactNode; strong?: boolean }) {
  return (
    <Table.Td>
      <Text size="sm" fw={strong ? 600 : undefined}>
        {primary}
      </Text>
      {secondary ? (
        <Text size="xs" c="dimmed">
          {secondary}
        </Text>
      ) : null}
    </Table.Td>
  );
}
