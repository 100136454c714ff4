import { Admin, defaultDarkTheme, defaultLightTheme, Resource } from 'react-admin';
import { BrowserRouter } from 'react-router-dom';
import headcountObservations from './headcount-observations';
import headcountTargets from './headcount-targets';
import moves from './moves';
import organizations from './organizations';
import people from './people';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import sources from './sources';

/**
 * Paths, not hashes (`/moves/…`), so that a link opens the right page on reload; the API serves the
 * app for any path outside /api. An old-style `/#/moves/…` link is turned into its path first.
 */
if (window.location.hash.startsWith('#/')) {
  window.history.replaceState(null, '', window.location.hash.slice(1));
}

export function App() {
  return (
    <BrowserRouter>
      <Admin
        dataProvider={dataProvider}
        i18nProvider={i18nProvider}
        title="Talentflow"
        theme={defaultLightTheme}
        darkTheme={defaultDarkTheme}
        requireAuth={false}
        disableTelemetry
      >
        <Resource name="moves" {...moves} />
        <Resource name="people" {...people} />
        <Resource name="organizations" {...organizations} />
        <Resource name="sources" {...sources} />
        <Resource name="headcount-targets" {...headcountTargets} />
        <Resource name="headcount-observations" {...headcountObservations} />
      </Admin>
    </BrowserRouter>
  );
}
