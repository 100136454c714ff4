import { Create, SimpleForm } from 'react-admin';
import { MOVE_DEFAULTS, MoveInputs, validateMove } from './MoveInputs';

export const MoveCreate = () => (
  <Create redirect="show">
    <SimpleForm validate={validateMove} defaultValues={MOVE_DEFAULTS}>
      <MoveInputs />
    </SimpleForm>
  </Create>
);
