import { EditPage } from '../common/forms';
import { HeadcountObservationInputs } from './HeadcountObservationInputs';

export const HeadcountObservationEdit = () => (
  <EditPage>
    <HeadcountObservationInputs />
  </EditPage>
);
