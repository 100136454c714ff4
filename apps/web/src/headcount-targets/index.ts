import FlagIcon from '@mui/icons-material/Flag';
import { HeadcountTargetCreate } from './HeadcountTargetCreate';
import { HeadcountTargetEdit } from './HeadcountTargetEdit';
import { HeadcountTargetList } from './HeadcountTargetList';
import { HeadcountTargetShow } from './HeadcountTargetShow';

export default {
  list: HeadcountTargetList,
  show: HeadcountTargetShow,
  edit: HeadcountTargetEdit,
  create: HeadcountTargetCreate,
  icon: FlagIcon,
};
