import { Edit, SimpleForm } from 'react-admin';
import { HeadcountTargetInputs, validateTarget } from './HeadcountTargetInputs';

export const HeadcountTargetEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm validate={validateTarget}>
      <HeadcountTargetInputs />
    </SimpleForm>
  </Edit>
);
