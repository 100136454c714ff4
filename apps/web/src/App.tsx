import { Admin, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import auditEntries from './audit-entries';
import { AccountPage } from './auth/AccountPage';
import { LazyDashboard } from './dashboard';
import { LoginPage } from './auth/LoginPage';
import { AppLayout } from './layout/AppLayout';
import headcountObservations from './headcount-observations';
import headcountTargets from './headcount-targets';
import imports from './imports';
import moves from './moves';
import organizations from './organizations';
import people from './people';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import sources from './sources';
import users from './users';
import { darkTheme, lightTheme } from './layout/themes';

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
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        layout={AppLayout}
        dashboard={LazyDashboard}
        title="Talentflow"
        theme={lightTheme}
        darkTheme={darkTheme}
        requireAuth
        disableTelemetry
      >
        <Resource name="moves" {...moves} />
        <Resource name="people" {...people} />
        <Resource name="organizations" {...organizations} />
        <Resource name="sources" {...sources} />
        <Resource name="headcount-targets" {...headcountTargets} />
        <Resource name="headcount-observations" {...headcountObservations} />
        <Resource name="imports" {...imports} />
        <Resource name="users" {...users} />
        <Resource name="audit-entries" {...auditEntries} />
        <CustomRoutes>
          <Route path="/account" element={<AccountPage />} />
        </CustomRoutes>
      </Admin>
    </BrowserRouter>
  );
}
