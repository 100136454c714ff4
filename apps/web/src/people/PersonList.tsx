import { DataTable, List, SearchInput, TextArrayField, TextInput } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <TextInput key="orcid" source="orcid" />];

export function PersonList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable>
        <DataTable.Col source="name" />
        <DataTable.Col source="orcid" />
        <DataTable.Col source="fields" disableSort>
          <TextArrayField source="fields" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
