import { DateField, Show, SimpleShowLayout, TextField, UrlField } from 'react-admin';

export function SourceShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <UrlField source="url" />
        <TextField source="title" emptyText="—" />
        <TextField source="publisher" emptyText="—" />
        <DateField source="publishedOn" emptyText="—" />
        <TextField source="language" emptyText="—" />
        <TextField source="excerpt" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
