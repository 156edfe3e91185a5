import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: "'Segoe UI', system-ui, -apple-system, Roboto, 'Noto Sans', sans-serif",
});
