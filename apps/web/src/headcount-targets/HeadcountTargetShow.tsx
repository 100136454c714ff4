import { ChipField, DateField, NumberField, ReferenceArrayField, ReferenceField, SelectField, Show, SimpleShowLayout, SingleFieldList } from 'react-admin';
import { populationChoices } from '../common/choices';

export function HeadcountTargetShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="organizationId" reference="organizations" link="show" />
        <NumberField source="low" />
        <NumberField source="high" />
        <SelectField source="population" choices={populationChoices} />
        <DateField source="dueBy" emptyText="—" />
        <DateField source="statedOn" emptyText="—" />
        <ReferenceArrayField source="sourceIds" reference="sources">
          <SingleFieldList linkType="show">
            <ChipField source="title" />
          </SingleFieldList>
        </ReferenceArrayField>
      </SimpleShowLayout>
    </Show>
  );
}
