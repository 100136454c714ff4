import {
  AutocompleteInput,
  DataTable,
  DateField,
  DateInput,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { moveStatusChoices, roleCategoryChoices } from '../common/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={moveStatusChoices} />,
  <SelectInput key="roleCategory" source="roleCategory" choices={roleCategoryChoices} />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <DateInput key="effectiveAfter" source="effectiveAfter" />,
  <DateInput key="effectiveBefore" source="effectiveBefore" />,
];

export function MoveList() {
  return (
    <List filters={filters} sort={{ field: 'effectiveOn', order: 'DESC' }}>
      <DataTable>
        <DataTable.Col source="personId" disableSort>
          <ReferenceField source="personId" reference="people" />
        </DataTable.Col>
        <DataTable.Col source="fromOrganizationId" disableSort>
          <ReferenceField source="fromOrganizationId" reference="organizations" emptyText="?" />
        </DataTable.Col>
        <DataTable.Col source="toOrganizationId" disableSort>
          <ReferenceField source="toOrganizationId" reference="organizations" emptyText="?" />
        </DataTable.Col>
        <DataTable.Col source="role" />
        <DataTable.Col source="effectiveOn">
          <DateField source="effectiveOn" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={moveStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
