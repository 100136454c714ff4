import { EditPage } from '../common/forms';
import { OrganizationInputs } from './OrganizationInputs';

export const OrganizationEdit = () => (
  <EditPage>
    <OrganizationInputs />
  </EditPage>
);
