import { ReferenceField, SelectField, Show, SimpleShowLayout } from 'react-admin';
import { DateField, NumberField } from '../common/fields';
import { SourceChips } from '../common/SourceChips';
import { populationChoices } from '../common/choices';

export function HeadcountObservationShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="organizationId" reference="organizations" link="show" />
        <DateField source="observedOn" />
        <NumberField source="count" />
        <SelectField source="population" choices={populationChoices} />
        <SourceChips />
      </SimpleShowLayout>
    </Show>
  );
}
