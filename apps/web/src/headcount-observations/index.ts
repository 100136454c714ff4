import GroupsIcon from '@mui/icons-material/Groups';
import { HeadcountObservationCreate } from './HeadcountObservationCreate';
import { HeadcountObservationEdit } from './HeadcountObservationEdit';
import { HeadcountObservationList } from './HeadcountObservationList';
import { HeadcountObservationShow } from './HeadcountObservationShow';

export default {
  list: HeadcountObservationList,
  show: HeadcountObservationShow,
  edit: HeadcountObservationEdit,
  create: HeadcountObservationCreate,
  icon: GroupsIcon,
};
