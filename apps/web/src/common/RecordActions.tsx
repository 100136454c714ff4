import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import MergeIcon from '@mui/icons-material/MergeType';
import RestoreIcon from '@mui/icons-material/RestoreFromTrash';
import { useState } from 'react';
import {
  AutocompleteInput,
  Confirm,
  EditButton,
  Form,
  ReferenceInput,
  required,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { useFormatLocale } from './fields';
import type { TalentflowDataProvider } from '../providers/dataProvider';
import { searchByQ } from './reference-inputs';

function useRecordAction() {
  const dataProvider = useDataProvider<TalentflowDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (run: (provider: TalentflowDataProvider) => Promise<unknown>, done: string) => {
    try {
      await run(dataProvider);
      notify(done, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return false;
    }
  };
}

function RestoreButton() {
  const record = useRecordContext();
  const resource = useResourceContext() as string;
  const translate = useTranslate();
  const act = useRecordAction();
  if (!record) return null;
  return (
    <Button startIcon={<RestoreIcon />} onClick={() => act((p) => p.restore(resource, { id: record.id }), 'talentflow.message.restored')}>
      {translate('talentflow.action.restore')}
    </Button>
  );
}

function PurgeButton() {
  const record = useRecordContext();
  const resource = useResourceContext() as string;
  const translate = useTranslate();
  const redirect = useRedirect();
  const act = useRecordAction();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button color="error" startIcon={<DeleteForeverIcon />} onClick={() => setOpen(true)}>
        {translate('talentflow.action.purge')}
      </Button>
      <Confirm
        isOpen={open}
        title="talentflow.action.purge"
        content="talentflow.message.purgeWarning"
        onConfirm={async () => {
          setOpen(false);
          if (await act((p) => p.purge(resource, { id: record.id }), 'talentflow.message.purged')) redirect('list', resource);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

function MergeButton() {
  const record = useRecordContext();
  const resource = useResourceContext() as string;
  const translate = useTranslate();
  const act = useRecordAction();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button startIcon={<MergeIcon />} onClick={() => setOpen(true)}>
        {translate('talentflow.action.mergeDuplicate')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="merge-title" fullWidth>
        <Form
          onSubmit={async ({ duplicateId }: Record<string, unknown>) => {
            if (await act((p) => p.merge(resource, { id: record.id, duplicateId: String(duplicateId) }), 'talentflow.message.merged')) setOpen(false);
          }}
        >
          <DialogTitle id="merge-title">{translate('talentflow.action.mergeDuplicate')}</DialogTitle>
          <DialogContent>
            <Alert severity="info">{translate('talentflow.message.mergeExplained')}</Alert>
            <ReferenceInput source="duplicateId" reference={resource} filter={{}}>
              <AutocompleteInput
                label="talentflow.action.duplicate"
                optionText="name"
                filterToQuery={searchByQ}
                validate={required()}
                fullWidth
              />
            </ReferenceInput>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained">
              {translate('talentflow.action.merge')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}

/**
 * A show page's actions, each shown only to the roles that may use it: edit (editors), and for
 * admins restore or delete for good a deleted record, and merge a duplicate into this one.
 */
export function RecordActions({ merge = false }: { merge?: boolean }) {
  const record = useRecordContext();
  const resource = useResourceContext() as string;
  const { canAccess: mayRestore } = useCanAccess({ action: 'restore', resource });
  const { canAccess: mayMerge } = useCanAccess({ action: 'merge', resource });
  const deleted = Boolean(record?.deletedAt);
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {merge && mayMerge && !deleted ? <MergeButton /> : null}
      {mayRestore && deleted ? <RestoreButton /> : null}
      {mayRestore ? <PurgeButton /> : null}
      {!deleted ? <EditButton /> : null}
    </TopToolbar>
  );
}

/** Above a deleted record's page: when it was deleted. */
export function DeletedBanner() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useFormatLocale();
  if (!record?.deletedAt) return null;
  return (
    <Alert severity="warning" role="status">
      {translate('talentflow.message.deletedOn', { date: new Date(record.deletedAt).toLocaleString(locale) })}
    </Alert>
  );
}
