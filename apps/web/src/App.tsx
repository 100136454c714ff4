import { Admin, Resource } from 'react-admin';
import headcountObservations from './headcount-observations';
import headcountTargets from './headcount-targets';
import moves from './moves';
import organizations from './organizations';
import people from './people';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import sources from './sources';

export function App() {
  return (
    <Admin dataProvider={dataProvider} i18nProvider={i18nProvider} title="Talentflow">
      <Resource name="moves" {...moves} />
      <Resource name="people" {...people} />
      <Resource name="organizations" {...organizations} />
      <Resource name="sources" {...sources} />
      <Resource name="headcount-targets" {...headcountTargets} />
      <Resource name="headcount-observations" {...headcountObservations} />
    </Admin>
  );
}
