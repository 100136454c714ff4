import type { Theme } from '@mui/material';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

type AriaLabelled = { 'aria-label'?: string };

/**
 * What both themes change in react-admin's. For WCAG 2.1 AA, a checkbox given an `aria-label`
 * (react-admin's "Select this row", "Select all") names its input with it, not the span around the
 * input, where ARIA forbids the attribute and screen readers never hear it.
 */
const accessible: RaThemeOptions['components'] = {
  // On a phone the language button shows its icon only (its accessible name is still the language's):
  // its name crowded the page title out of the app bar.
  RaLocalesMenuButton: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({
        [theme.breakpoints.down('sm')]: {
          '& .MuiButton-root': { fontSize: 0, minWidth: 0 },
          '& .MuiButton-startIcon': { margin: 0 },
          '& .MuiButton-endIcon': { display: 'none' },
        },
      }),
    },
  },
  // An empty list's message ("No Imports yet.") is text, not a disabled control: the secondary text
  // colour meets 4.5:1 where the disabled one (about 2.5:1) does not.
  RaEmpty: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }),
    },
  },
  // A table wider than a phone (the moves a source supports, a lab's people) scrolls within itself
  // rather than widening the page: sized to its container, whatever its content.
  RaDataTable: {
    styleOverrides: {
      root: { '& .RaDataTable-tableWrapper': { overflowX: 'auto', width: 0, minWidth: '100%' } },
    },
  },
  MuiCheckbox: {
    defaultProps: {
      slotProps: {
        root: () => ({ 'aria-label': undefined }),
        input: (ownerState: AriaLabelled) => ({ 'aria-label': ownerState['aria-label'] }),
      },
    },
  },
};

/**
 * The light theme's colours darkened to meet 4.5:1 for text: the app bar's blue (#2196f3 under white
 * text, 3.1:1) and the buttons' (#1976d2 on the page's #fafafb, 4.4:1), both to #1565c0 (5.5:1 or
 * more); the delete buttons' red on the forms' grey toolbar (#d32f2f on #e0e0e0, 3.8:1) to #b71c1c (5.0:1).
 */
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    error: { main: '#b71c1c' },
  },
  components: { ...defaultLightTheme.components, ...accessible },
};

/** The dark theme's red (delete buttons) lightened for 4.5:1 on its grey surfaces: #f44336 gave 2.7–3.5:1, #ef9a9a gives 4.7–6.1:1. */
export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: { ...defaultDarkTheme.palette, error: { main: '#ef9a9a', contrastText: 'rgba(0, 0, 0, 0.87)' } },
  components: { ...defaultDarkTheme.components, ...accessible },
};
