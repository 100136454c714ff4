import { Edit, SimpleForm } from 'react-admin';
import { MoveInputs, validateMove } from './MoveInputs';

export const MoveEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm validate={validateMove}>
      <MoveInputs />
    </SimpleForm>
  </Edit>
);
