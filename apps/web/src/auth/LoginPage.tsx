import Button from '@mui/material/Button';
import CardContent from '@mui/material/CardContent';
import { useState } from 'react';
import { Form, Login, PasswordInput, required, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';

/** Sign-in with an email address (react-admin's own form asks for a "username"). */
function EmailLoginForm() {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [signingIn, setSigningIn] = useState(false);
  return (
    <Form
      onSubmit={async (values: Record<string, unknown>) => {
        setSigningIn(true);
        try {
          await login({ email: values.email, password: values.password });
        } catch (error) {
          notify((error as Error).message || 'ra.auth.sign_in_error', { type: 'error' });
        } finally {
          setSigningIn(false);
        }
      }}
    >
      <CardContent>
        <TextInput source="email" type="email" label="talentflow.auth.email" autoComplete="username" validate={required()} fullWidth autoFocus />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} fullWidth />
        <Button type="submit" variant="contained" fullWidth disabled={signingIn}>
          {translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
}

export const LoginPage = () => (
  <Login>
    <EmailLoginForm />
  </Login>
);
