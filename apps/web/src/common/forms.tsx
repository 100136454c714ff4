import type { ReactNode } from 'react';
import {
  Create,
  Edit,
  SimpleForm,
  type ValidateForm,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';

interface FormPageProps {
  children: ReactNode;
  validate?: ValidateForm;
  defaultValues?: Record<string, unknown>;
}

/** Remounted when the record's version changes, so that the form shows the values as they now stand. */
function VersionedForm({ children, validate }: FormPageProps) {
  const record = useRecordContext();
  return (
    <SimpleForm key={record?.version} validate={validate}>
      {children}
    </SimpleForm>
  );
}

/**
 * The edit page every resource uses. Pessimistic: the form waits for the API, so the API's own
 * errors (`errors.<field>`) show beside the fields. When someone else saved the record first, the
 * API answers 409: the user is told, and the form reloads with the current values.
 */
export function EditPage({ children, validate }: FormPageProps) {
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      mutationOptions={{
        onError: (error: { status?: number; message?: string; body?: { current?: unknown } }) => {
          // A stale version: the API sends the record as it now stands.
          if (error.status === 409 && error.body?.current) {
            notify('talentflow.message.staleVersion', { type: 'warning', autoHideDuration: 10_000 });
            refresh();
            return;
          }
          notify(error.message ?? 'ra.notification.http_error', { type: 'error' });
        },
      }}
    >
      <VersionedForm validate={validate}>{children}</VersionedForm>
    </Edit>
  );
}

export function CreatePage({ children, validate, defaultValues }: FormPageProps) {
  return (
    <Create redirect="show">
      <SimpleForm validate={validate} defaultValues={defaultValues}>
        {children}
      </SimpleForm>
    </Create>
  );
}
