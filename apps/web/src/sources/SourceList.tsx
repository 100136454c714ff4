import { DataTable, DateField, List, SearchInput, TextInput, UrlField } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <TextInput key="publisher" source="publisher" />];

export function SourceList() {
  return (
    <List filters={filters} sort={{ field: 'publishedOn', order: 'DESC' }}>
      <DataTable>
        <DataTable.Col source="title" />
        <DataTable.Col source="publisher" />
        <DataTable.Col source="publishedOn">
          <DateField source="publishedOn" />
        </DataTable.Col>
        <DataTable.Col source="language" />
        <DataTable.Col source="url">
          <UrlField source="url" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
