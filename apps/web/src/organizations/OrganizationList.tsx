import { type Theme, useMediaQuery } from '@mui/material';
import { DataTable, List, ReferenceField, SearchInput, SelectField, SelectInput, SimpleList, TextInput } from 'react-admin';
import { sectorChoices } from '../common/choices';
import { useRecoverableFilters } from '../common/useRecoverableFilters';
import { csvExporter } from '../common/csv-export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="sector" source="sector" choices={sectorChoices} />,
  <TextInput key="country" source="country" />,
];

export function OrganizationList() {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List filters={useRecoverableFilters(filters)} sort={{ field: 'name', order: 'ASC' }} exporter={csvExporter}>
      {small ? (
        <SimpleList
          primaryText="%{name}"
          secondaryText={() => <SelectField source="sector" choices={sectorChoices} />}
          tertiaryText="%{country}"
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show">
          <DataTable.Col source="name" />
          <DataTable.Col source="sector">
            <SelectField source="sector" choices={sectorChoices} />
          </DataTable.Col>
          <DataTable.Col source="country" />
          <DataTable.Col source="city" />
          <DataTable.Col source="parentId" disableSort>
            <ReferenceField source="parentId" reference="organizations" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
