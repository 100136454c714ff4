import { EditPage } from '../common/forms';
import { PersonInputs } from './PersonInputs';

export const PersonEdit = () => (
  <EditPage>
    <PersonInputs />
  </EditPage>
);
