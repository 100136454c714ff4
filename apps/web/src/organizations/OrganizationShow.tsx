import { DateField, ReferenceField, SelectField, Show, SimpleShowLayout, TextArrayField, TextField, UrlField } from 'react-admin';
import { sectorChoices } from '../common/choices';

export function OrganizationShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextArrayField source="aliases" />
        <SelectField source="sector" choices={sectorChoices} />
        <TextField source="country" />
        <TextField source="city" />
        <ReferenceField source="parentId" reference="organizations" emptyText="—" />
        <UrlField source="website" emptyText="—" />
        <DateField source="foundedOn" emptyText="—" />
        <TextField source="rorId" emptyText="—" />
        <TextField source="wikidataId" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
