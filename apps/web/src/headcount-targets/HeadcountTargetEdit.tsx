import { Edit, SimpleForm } from 'react-admin';
import { HeadcountTargetInputs, validateTarget } from './HeadcountTargetInputs';

export const HeadcountTargetEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm validate={validateTarget}>
      <HeadcountTargetInputs />
    </SimpleForm>
  </Edit>
);
