import { BulkDeleteButton, BulkUpdateButton, useTranslate } from 'react-admin';

/** What an editor does to many moves at once: set their status (the change most often made in bulk), or delete them. */
export function MoveBulkActions() {
  const translate = useTranslate();
  return (
    <>
      {(['confirmed', 'announced', 'cancelled'] as const).map((status) => (
        <BulkUpdateButton
          key={status}
          data={{ status }}
          label={translate('talentflow.bulk.setStatus', { status: translate(`talentflow.status.${status}`) })}
          mutationMode="pessimistic"
        />
      ))}
      <BulkDeleteButton mutationMode="pessimistic" />
    </>
  );
}
