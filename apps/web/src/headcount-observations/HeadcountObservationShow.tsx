import { ChipField, DateField, NumberField, ReferenceArrayField, ReferenceField, SelectField, Show, SimpleShowLayout, SingleFieldList } from 'react-admin';
import { populationChoices } from '../common/choices';

export function HeadcountObservationShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="organizationId" reference="organizations" link="show" />
        <DateField source="observedOn" />
        <NumberField source="count" />
        <SelectField source="population" choices={populationChoices} />
        <ReferenceArrayField source="sourceIds" reference="sources">
          <SingleFieldList linkType="show">
            <ChipField source="title" />
          </SingleFieldList>
        </ReferenceArrayField>
      </SimpleShowLayout>
    </Show>
  );
}
