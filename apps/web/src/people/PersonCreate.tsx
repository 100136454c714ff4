import { CreatePage } from '../common/forms';
import { PersonInputs } from './PersonInputs';

export const PersonCreate = () => (
  <CreatePage>
    <PersonInputs />
  </CreatePage>
);
