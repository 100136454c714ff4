import { type Theme, useMediaQuery } from '@mui/material';
import { BooleanField, DataTable, List, SearchInput, SelectField, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { roleChoices } from '../common/choices';
import { DateField } from '../common/fields';
import { csvExporter } from '../common/csv-export';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={roleChoices} />];

export function UserList() {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'email', order: 'ASC' }} exporter={csvExporter}>
      {small ? (
        <SimpleList
          primaryText="%{email}"
          secondaryText="%{displayName}"
          tertiaryText={(user) => translate(`talentflow.role.${user.role}`)}
          linkType="edit"
        />
      ) : (
        <DataTable rowClick="edit" bulkActionButtons={false}>
          <DataTable.Col source="email" />
          <DataTable.Col source="displayName" />
          <DataTable.Col source="role">
            <SelectField source="role" choices={roleChoices} />
          </DataTable.Col>
          <DataTable.Col source="disabled">
            <BooleanField source="disabled" />
          </DataTable.Col>
          <DataTable.Col source="createdAt">
            <DateField source="createdAt" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
