import { ReferenceField, SelectField, Show, SimpleShowLayout } from 'react-admin';
import { DateField, NumberField } from '../common/fields';
import { SourceChips } from '../common/SourceChips';
import { populationChoices } from '../common/choices';
import { DeletedBanner, RecordActions } from '../common/RecordActions';
import { RecordHistory } from '../common/RecordHistory';

export function HeadcountObservationShow() {
  return (
    <Show actions={<RecordActions />}>
      <SimpleShowLayout>
        <DeletedBanner />
        <ReferenceField source="organizationId" reference="organizations" link="show" />
        <DateField source="observedOn" />
        <NumberField source="count" />
        <SelectField source="population" choices={populationChoices} />
        <SourceChips />
        <RecordHistory />
      </SimpleShowLayout>
    </Show>
  );
}
