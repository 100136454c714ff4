import { EditPage } from '../common/forms';
import { HeadcountTargetInputs, validateTarget } from './HeadcountTargetInputs';

export const HeadcountTargetEdit = () => (
  <EditPage validate={validateTarget}>
    <HeadcountTargetInputs />
  </EditPage>
);
