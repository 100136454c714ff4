import { DataTable, List, ReferenceField, SearchInput, SelectField, SelectInput, TextInput } from 'react-admin';
import { sectorChoices } from '../common/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="sector" source="sector" choices={sectorChoices} />,
  <TextInput key="country" source="country" />,
];

export function OrganizationList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable>
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
    </List>
  );
}
