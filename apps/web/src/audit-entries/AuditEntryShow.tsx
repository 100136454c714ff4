import Box from '@mui/material/Box';
import { FunctionField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { auditActionChoices } from '../common/choices';

export function AuditEntryShow() {
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <FunctionField source="at" render={(entry) => new Date(entry.at).toLocaleString()} />
        <TextField source="userEmail" emptyText="—" />
        <SelectField source="action" choices={auditActionChoices} />
        <TextField source="resource" />
        <TextField source="recordId" emptyText="—" />
        <FunctionField source="changes" render={(entry) => <Box component="pre" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{JSON.stringify(entry.changes, null, 2)}</Box>} />
      </SimpleShowLayout>
    </Show>
  );
}
