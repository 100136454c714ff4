import { CreatePage } from '../common/forms';
import { HeadcountTargetInputs, validateTarget } from './HeadcountTargetInputs';

export const HeadcountTargetCreate = () => (
  <CreatePage validate={validateTarget}>
    <HeadcountTargetInputs />
  </CreatePage>
);
