import { EditPage } from '../common/forms';
import { MoveInputs, validateMove } from './MoveInputs';

export const MoveEdit = () => (
  <EditPage validate={validateMove}>
    <MoveInputs />
  </EditPage>
);
