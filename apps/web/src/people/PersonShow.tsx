import { Show, SimpleShowLayout, TextArrayField, TextField, UrlField } from 'react-admin';

export function PersonShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="orcid" emptyText="—" />
        <TextField source="wikidataId" emptyText="—" />
        <UrlField source="homepage" emptyText="—" />
        <TextArrayField source="fields" />
        <TextField source="notes" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
