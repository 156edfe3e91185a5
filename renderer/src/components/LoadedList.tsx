import { Text, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormError } from './FormError';
import { Loading } from './Loading';

/**
 * A list read from the core, in each of its states: loading, failed (the error in the user's
 * words), empty (a quiet line, where `empty` is given) and shown (the caller's rows).
 */
export function LoadedList<T>(props: {
  query: { isPending: boolean; isError: boolean; error: unknown };
  rows: T[] | undefined;
  empty?: string;
  emptySize?: MantineSize;
  children: (rows: T[]) => ReactNode;
}) {
  const { query, rows = [] } = props;
  if (query.isPending) return <Loading />;
  if (query.isError) return <FormError error={query.error} />;
  if (props.empty !== undefined && rows.length === 0) {
    return (
      <Text size={props.emptySize} c="dimmed">
        {props.empty}
      </Text>
    );
  }
  return props.children(rows);
}
