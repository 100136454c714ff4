import { CreatePage } from '../common/forms';
import { OrganizationInputs } from './OrganizationInputs';

export const OrganizationCreate = () => (
  <CreatePage>
    <OrganizationInputs />
  </CreatePage>
);
