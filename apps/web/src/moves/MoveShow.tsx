import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { moveStatusChoices, roleCategoryChoices } from '../common/choices';
import { DateField, PartialDateField } from '../common/fields';
import { SourceChips } from '../common/SourceChips';
import { DeletedBanner, RecordActions } from '../common/RecordActions';
import { RecordHistory } from '../common/RecordHistory';

export function MoveShow() {
  return (
    <Show actions={<RecordActions />}>
      <SimpleShowLayout>
        <DeletedBanner />
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
        <RecordHistory />
      </SimpleShowLayout>
    </Show>
  );
}
