import { CreatePage } from '../common/forms';
import { MOVE_DEFAULTS, MoveInputs, validateMove } from './MoveInputs';

export const MoveCreate = () => (
  <CreatePage validate={validateMove} defaultValues={MOVE_DEFAULTS}>
    <MoveInputs />
  </CreatePage>
);
