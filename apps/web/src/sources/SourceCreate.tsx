import { CreatePage } from '../common/forms';
import { SourceInputs } from './SourceInputs';

export const SourceCreate = () => (
  <CreatePage>
    <SourceInputs />
  </CreatePage>
);
