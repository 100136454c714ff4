import type { ReactNode } from 'react';
import { Create, Edit, SimpleForm } from 'react-admin';

/**
 * The edit and create pages every resource uses. Pessimistic: the form waits for the API, so the
 * API's own errors (`errors.<field>`) show beside the fields and nothing is shown as saved that was not.
 */
export function EditPage({ children }: { children: ReactNode }) {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>{children}</SimpleForm>
    </Edit>
  );
}

export function CreatePage({ children }: { children: ReactNode }) {
  return (
    <Create redirect="show">
      <SimpleForm>{children}</SimpleForm>
    </Create>
  );
}
