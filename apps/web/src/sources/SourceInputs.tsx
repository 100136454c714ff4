import { DateInput, required, TextInput } from 'react-admin';
import { validateUrl } from '../common/validation';

export function SourceInputs() {
  return (
    <>
      <TextInput source="url" validate={[required(), validateUrl]} fullWidth />
      <TextInput source="title" fullWidth />
      <TextInput source="publisher" />
      <DateInput source="publishedOn" />
      <TextInput source="language" helperText="fr, en…" />
      <TextInput source="excerpt" multiline fullWidth />
    </>
  );
}
