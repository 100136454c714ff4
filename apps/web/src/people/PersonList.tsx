import { type Theme, useMediaQuery } from '@mui/material';
import { DataTable, List, SearchInput, SimpleList, TextArrayField, TextInput } from 'react-admin';
import { useRecoverableFilters } from '../common/useRecoverableFilters';
import { csvExporter } from '../common/csv-export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="orcid" source="orcid" />,
  <TextInput key="googleScholarId" source="googleScholarId" />,
  <TextInput key="dblpId" source="dblpId" />,
  <TextInput key="openalexId" source="openalexId" />,
];

export function PersonList() {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List filters={useRecoverableFilters(filters)} sort={{ field: 'name', order: 'ASC' }} exporter={csvExporter}>
      {small ? (
        <SimpleList primaryText="%{name}" secondaryText={(person) => person.fields?.join(', ')} linkType="show" />
      ) : (
        <DataTable rowClick="show">
          <DataTable.Col source="name" />
          <DataTable.Col source="orcid" />
          <DataTable.Col source="fields" disableSort>
            <TextArrayField source="fields" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
