import { type Theme, useMediaQuery } from '@mui/material';
import { DataTable, DateInput, List, SearchInput, SimpleList, TextInput, UrlField } from 'react-admin';
import { DateField } from '../common/fields';
import { useRecoverableFilters } from '../common/useRecoverableFilters';
import { csvExporter } from '../common/csv-export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="publisher" source="publisher" />,
  <DateInput key="publishedAfter" source="publishedAfter" />,
  <DateInput key="publishedBefore" source="publishedBefore" />,
];

export function SourceList() {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List filters={useRecoverableFilters(filters)} sort={{ field: 'publishedOn', order: 'DESC' }} exporter={csvExporter}>
      {small ? (
        <SimpleList primaryText={(source) => source.title || source.url} secondaryText="%{publisher}" linkType="show" />
      ) : (
        <DataTable rowClick="show">
          <DataTable.Col source="title" />
          <DataTable.Col source="publisher" />
          <DataTable.Col source="publishedOn">
            <DateField source="publishedOn" />
          </DataTable.Col>
          <DataTable.Col source="language" />
          <DataTable.Col source="url">
            <UrlField source="url" onClick={(event) => event.stopPropagation()} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
