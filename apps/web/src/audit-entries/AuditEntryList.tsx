import { type Theme, useMediaQuery } from '@mui/material';
import { DataTable, DateInput, FunctionField, List, SelectField, SelectInput, SimpleList, TextInput, useTranslate } from 'react-admin';
import { auditActionChoices } from '../common/choices';

const filters = [
  <SelectInput key="action" source="action" choices={auditActionChoices} alwaysOn />,
  <TextInput key="resource" source="resource" />,
  <TextInput key="recordId" source="recordId" />,
  <DateInput key="after" source="after" />,
  <DateInput key="before" source="before" />,
];

/** The audit log, newest first, for admins: read-only (the API has no route to change it). */
export function AuditEntryList() {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} exporter={false}>
      {small ? (
        <SimpleList
          primaryText={(entry) => `${translate(`talentflow.action.${entry.action}`)} · ${entry.resource}`}
          secondaryText={(entry) => entry.userEmail ?? '—'}
          tertiaryText={(entry) => new Date(entry.at).toLocaleString()}
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="at">
            <FunctionField source="at" render={(entry) => new Date(entry.at).toLocaleString()} />
          </DataTable.Col>
          <DataTable.Col source="userEmail" disableSort />
          <DataTable.Col source="action">
            <SelectField source="action" choices={auditActionChoices} />
          </DataTable.Col>
          <DataTable.Col source="resource" />
          <DataTable.Col source="recordId" disableSort />
          <DataTable.Col label="resources.audit-entries.fields.changes" disableSort>
            <FunctionField render={(entry) => Object.keys(entry.changes ?? {}).join(', ')} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
