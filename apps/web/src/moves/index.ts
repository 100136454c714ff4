import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { MoveCreate } from './MoveCreate';
import { MoveEdit } from './MoveEdit';
import { MoveList } from './MoveList';
import { MoveShow } from './MoveShow';

export default { list: MoveList, show: MoveShow, edit: MoveEdit, create: MoveCreate, icon: SwapHorizIcon };
