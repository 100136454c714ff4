import { ReferenceField, SelectField, Show, SimpleShowLayout } from 'react-admin';
import { DateField, NumberField } from '../common/fields';
import { SourceChips } from '../common/SourceChips';
import { populationChoices } from '../common/choices';
import { DeletedBanner, RecordActions } from '../common/RecordActions';
import { RecordHistory } from '../common/RecordHistory';

export function HeadcountTargetShow() {
  return (
    <Show actions={<RecordActions />}>
      <SimpleShowLayout>
        <DeletedBanner />
        <ReferenceField source="organizationId" reference="organizations" link="show" />
        <NumberField source="low" />
        <NumberField source="high" />
        <SelectField source="population" choices={populationChoices} />
        <DateField source="dueBy" emptyText="—" />
        <DateField source="statedOn" emptyText="—" />
        <SourceChips />
        <RecordHistory />
      </SimpleShowLayout>
    </Show>
  );
}
