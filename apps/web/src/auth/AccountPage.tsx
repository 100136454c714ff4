import { Card, CardContent, Typography } from '@mui/material';
import { Form, PasswordInput, required, SaveButton, Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';

/** A user's own account: who they are, and a new password (the API checks the current one). */
export function AccountPage() {
  const { data: identity } = useGetIdentity();
  const notify = useNotify();
  const translate = useTranslate();
  return (
    <Card>
      <Title title="talentflow.auth.account" />
      <CardContent>
        <Typography variant="h6">{identity?.fullName}</Typography>
        <Typography variant="body2" gutterBottom>
          {identity?.email} · {identity?.role ? translate(`talentflow.role.${identity.role}`) : ''}
        </Typography>
        <Form
          onSubmit={async (values: Record<string, unknown>) => {
            const response = await fetch('/api/auth/password', {
              method: 'PUT',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(values),
            });
            if (response.ok) {
              notify('talentflow.auth.passwordChanged', { type: 'success' });
              return undefined;
            }
            // The API's own messages, shown beside the fields they concern.
            const body = await response.json();
            return body.errors ?? { newPassword: body.message };
          }}
        >
          <PasswordInput source="currentPassword" label="talentflow.auth.currentPassword" validate={required()} autoComplete="current-password" />
          <PasswordInput
            source="newPassword"
            label="talentflow.auth.newPassword"
            validate={required()}
            autoComplete="new-password"
            helperText="talentflow.auth.passwordRule"
          />
          <SaveButton label="talentflow.auth.changePassword" alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
}
