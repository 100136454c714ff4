import { CreatePage } from '../common/forms';
import { HeadcountObservationInputs } from './HeadcountObservationInputs';

export const HeadcountObservationCreate = () => (
  <CreatePage>
    <HeadcountObservationInputs />
  </CreatePage>
);
