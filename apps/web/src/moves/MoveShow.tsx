import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { moveStatusChoices, roleCategoryChoices } from '../common/choices';
import { DateField, PartialDateField } from '../common/fields';
import { SourceChips } from '../common/SourceChips';

export function MoveShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="personId" reference="people" link="show" />
        <ReferenceField source="fromOrganizationId" reference="organizations" link="show" emptyText="—" />
        <ReferenceField source="toOrganizationId" reference="organizations" link="show" emptyText="—" />
        <TextField source="role" emptyText="—" />
        <SelectField source="roleCategory" choices={roleCategoryChoices} />
        <PartialDateField source="effectiveOn" label="resources.moves.fields.effectiveOn" />
        <DateField source="announcedOn" emptyText="—" />
        <SelectField source="status" choices={moveStatusChoices} />
        <SourceChips />
        <TextField source="notes" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
