import { BooleanInput, PasswordInput, required, SelectInput, TextInput } from 'react-admin';
import { roleChoices } from '../common/choices';
import { EditPage } from '../common/forms';
import { RecordHistory } from '../common/RecordHistory';

/** An admin renames a user, changes their role, disables them, or sets a new password. */
export const UserEdit = () => (
  <EditPage>
    <TextInput source="email" disabled />
    <TextInput source="displayName" validate={required()} />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <BooleanInput source="disabled" />
    <PasswordInput source="password" helperText="talentflow.auth.leaveEmpty" autoComplete="new-password" />
    <RecordHistory />
  </EditPage>
);
