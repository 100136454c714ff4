import { type Theme, useMediaQuery } from '@mui/material';
import {
  DataTable,
  DateInput,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  useCanAccess,
} from 'react-admin';
import { moveStatusChoices, roleCategoryChoices } from '../common/choices';
import { PartialDateField } from '../common/fields';
import { OrganizationReferenceInput } from '../common/reference-inputs';
import { exportMoves } from './exporter';
import { MoveBulkActions } from './MoveBulkActions';
import { useRecoverableFilters } from '../common/useRecoverableFilters';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={moveStatusChoices} />,
  <SelectInput key="roleCategory" source="roleCategory" choices={roleCategoryChoices} />,
  <OrganizationReferenceInput key="organizationId" source="organizationId" />,
  <DateInput key="effectiveAfter" source="effectiveAfter" />,
  <DateInput key="effectiveBefore" source="effectiveBefore" />,
];

const FromTo = () => (
  <>
    <ReferenceField source="fromOrganizationId" reference="organizations" link={false} emptyText="?" /> →{' '}
    <ReferenceField source="toOrganizationId" reference="organizations" link={false} emptyText="?" />
  </>
);

export function MoveList() {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { canAccess: mayEdit } = useCanAccess({ action: 'edit', resource: 'moves' });
  return (
    <List filters={useRecoverableFilters(filters)} sort={{ field: 'effectiveOn', order: 'DESC' }} exporter={exportMoves}>
      {small ? (
        <SimpleList
          primaryText={() => <ReferenceField source="personId" reference="people" link={false} />}
          secondaryText={() => <FromTo />}
          tertiaryText={() => <PartialDateField source="effectiveOn" />}
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={mayEdit ? <MoveBulkActions /> : false}>
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
            <PartialDateField source="effectiveOn" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <SelectField source="status" choices={moveStatusChoices} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
