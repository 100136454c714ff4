import { Create, SimpleForm } from 'react-admin';
import { HeadcountTargetInputs, validateTarget } from './HeadcountTargetInputs';

export const HeadcountTargetCreate = () => (
  <Create redirect="show">
    <SimpleForm validate={validateTarget}>
      <HeadcountTargetInputs />
    </SimpleForm>
  </Create>
);
