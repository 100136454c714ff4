import { Create, SimpleForm } from 'react-admin';
import { MoveInputs, validateMove } from './MoveInputs';

export const MoveCreate = () => (
  <Create redirect="show">
    <SimpleForm validate={validateMove}>
      <MoveInputs />
    </SimpleForm>
  </Create>
);
