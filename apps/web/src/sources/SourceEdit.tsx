import { EditPage } from '../common/forms';
import { SourceInputs } from './SourceInputs';

export const SourceEdit = () => (
  <EditPage>
    <SourceInputs />
  </EditPage>
);
