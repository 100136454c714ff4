import {
  ChipField,
  DateField,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
} from 'react-admin';
import { datePrecisionChoices, moveStatusChoices, roleCategoryChoices } from '../common/choices';

export function MoveShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="personId" reference="people" link="show" />
        <ReferenceField source="fromOrganizationId" reference="organizations" link="show" emptyText="—" />
        <ReferenceField source="toOrganizationId" reference="organizations" link="show" emptyText="—" />
        <TextField source="role" emptyText="—" />
        <SelectField source="roleCategory" choices={roleCategoryChoices} />
        <DateField source="effectiveOn" emptyText="—" />
        <SelectField source="datePrecision" choices={datePrecisionChoices} />
        <DateField source="announcedOn" emptyText="—" />
        <SelectField source="status" choices={moveStatusChoices} />
        <ReferenceArrayField source="sourceIds" reference="sources">
          <SingleFieldList linkType="show">
            <ChipField source="title" />
          </SingleFieldList>
        </ReferenceArrayField>
        <TextField source="notes" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
