import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ImportCreate } from './ImportCreate';
import { ImportList } from './ImportList';

export default { list: ImportList, create: ImportCreate, icon: UploadFileIcon };
