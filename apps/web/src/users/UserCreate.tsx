import { PasswordInput, required, SelectInput, TextInput } from 'react-admin';
import { roleChoices } from '../common/choices';
import { CreatePage } from '../common/forms';

export const UserCreate = () => (
  <CreatePage defaultValues={{ role: 'viewer' }}>
    <TextInput source="email" type="email" validate={required()} />
    <TextInput source="displayName" validate={required()} />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <PasswordInput source="password" validate={required()} helperText="talentflow.auth.passwordRule" autoComplete="new-password" />
  </CreatePage>
);
