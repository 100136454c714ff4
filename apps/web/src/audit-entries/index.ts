import HistoryIcon from '@mui/icons-material/History';
import { AuditEntryList } from './AuditEntryList';
import { AuditEntryShow } from './AuditEntryShow';

export default { list: AuditEntryList, show: AuditEntryShow, icon: HistoryIcon };
