import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { hasRole, MOVE_COLUMNS, RECORD_COLUMNS, RECORD_KINDS, Role, ROSTER_COLUMNS } from '@talentflow/domain';
import { useState } from 'react';
import { Title, useDataProvider, useNotify, usePermissions, useRedirect, useTranslate } from 'react-admin';
import type { TalentflowDataProvider } from '../providers/dataProvider';
import { ImportProgressBar, progressKey } from './ImportProgressBar';

interface Row {
  row: number;
  rorId?: string;
  name?: string;
  action: string;
  person?: { name: string };
  from?: { name: string };
  to?: { name: string };
  duplicateOf?: string;
  on?: string;
  reason?: string;
  errors?: Record<string, string>;
  ask?: { key: string; candidates: { id: string; name: string }[] }[];
  /** For an organisation not found: stored ones of similar names. */
  suggest?: { key: string; candidates: { id: string; name: string }[] }[];
  candidates?: { id: string; name: string }[];
  /** For an update: the fields filled in; and the stored values kept over the file's. */
  changes?: Record<string, { before: unknown; after: unknown }>;
  kept?: Record<string, string>;
}
interface Answer {
  importId: string | null;
  totals: Record<string, number>;
  rows: Row[];
  /** For a spreadsheet: each header, and the column it was read as. */
  columns?: { header: string; column: string | null }[];
}

/** The columns a spreadsheet of each kind can hold, offered when a header is mapped by hand. */
const COLUMNS: Record<string, readonly string[]> = { moves: MOVE_COLUMNS, roster: ROSTER_COLUMNS, ...RECORD_COLUMNS };

/** The spreadsheet kinds every editor imports, in the order offered. */
const SPREADSHEETS = ['moves', 'roster', ...RECORD_KINDS];

interface Question {
  key: string;
  label: string;
  candidates: { id: string; name: string }[];
  /** A suggestion (similar names) rather than a question: a new record is not among the answers. */
  suggested?: boolean;
}

/**
 * Every question the preview asks, once, and every suggestion it makes for a name not found: the
 * key to answer in `matches`, and the records it could be.
 */
function questions(rows: Row[]): Question[] {
  const asked = new Map<string, Question>();
  for (const row of rows) {
    for (const ask of row.ask ?? []) asked.set(ask.key, { key: ask.key, label: ask.key.replace(/^(person|organization):/, ''), candidates: ask.candidates });
    for (const ask of row.suggest ?? []) asked.set(ask.key, { key: ask.key, label: ask.key.replace(/^organization:/, ''), candidates: ask.candidates, suggested: true });
    if (row.rorId && row.action === 'ambiguous' && row.candidates) asked.set(row.rorId, { key: row.rorId, label: `${row.name} (${row.rorId})`, candidates: row.candidates });
  }
  return [...asked.values()];
}

/** The rows the preview shows at once; the filter narrows them to one kind of action. */
const SHOWN = 200;

/** What a row will do, in a sentence: the errors, the question, or the record it repeats. */
function detail(row: Row): string {
  if (row.errors) return Object.entries(row.errors).map(([field, problem]) => `${field}: ${problem}`).join('; ');
  if (row.ask) return row.ask.map((a) => `${a.key}: ${a.candidates.map((c) => `${c.name} (${c.id})`).join(', ')}`).join('; ');
  if (row.candidates) return row.candidates.map((c) => `${c.name} (${c.id})`).join(', ');
  const kept = row.kept ? ` (${Object.entries(row.kept).map(([field, value]) => `${field}: ${value}`).join('; ')})` : '';
  if (row.changes) return `+ ${Object.keys(row.changes).join(', ')}${kept}`;
  if (row.duplicateOf) return `= ${row.duplicateOf}${kept}`;
  return row.reason ?? '';
}

/**
 * Upload, preview, import: the file goes to the API twice, first as a preview that writes nothing,
 * then, once the preview has no errors and no questions, to be imported all at once.
 */
export function ImportCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<TalentflowDataProvider>();
  const { permissions } = usePermissions();
  const [kind, setKind] = useState('moves');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Answer | null>(null);
  /** The running request's progress key, while one runs. */
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState('all');
  const [matches, setMatches] = useState<Record<string, string>>({});
  const [columns, setColumns] = useState<Record<string, string>>({});

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const key = progressKey();
    setBusy(key);
    setError(null);
    try {
      const fields: Record<string, string> = { dryRun: String(dryRun), progress: key };
      if (Object.keys(matches).length) fields.matches = JSON.stringify(matches);
      if (kind !== 'ror' && Object.keys(columns).length) fields.columns = JSON.stringify(columns);
      const answer = await dataProvider.importFile<Answer>(kind, file, fields);
      if (dryRun) {
        setPreview(answer);
      } else {
        notify('talentflow.imports.done', { type: 'success', messageArgs: { count: answer.totals.created } });
        redirect('list', 'imports');
      }
    } catch (failure) {
      setError((failure as { body?: { message?: string }; message: string }).body?.message ?? (failure as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const rows = preview?.rows.filter((row) => shown === 'all' || row.action === shown) ?? [];
  const blocked = Boolean(preview && (preview.totals.errors || preview.totals.ambiguous));
  const asked = preview ? questions(preview.rows) : [];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="talentflow.imports.new" />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 640 }}>
          <TextField select label={translate('talentflow.imports.kind')} value={kind} onChange={(event) => (setKind(event.target.value), setPreview(null), setMatches({}), setColumns({}))}>
            {SPREADSHEETS.map((spreadsheet) => (
              <MenuItem key={spreadsheet} value={spreadsheet}>
                {translate(`talentflow.imports.kinds.${spreadsheet}`)}
              </MenuItem>
            ))}
            {hasRole(permissions, Role.Admin) && <MenuItem value="ror">{translate('talentflow.imports.kinds.ror')}</MenuItem>}
          </TextField>
          <Button variant="outlined" component="label">
            {file ? file.name : translate('talentflow.imports.choose')}
            <input
              hidden
              type="file"
              aria-label={translate('talentflow.imports.file')}
              accept={kind === 'ror' ? '.json,.gz,application/json' : '.csv,.xlsx,text/csv'}
              onChange={(event) => (setFile(event.target.files?.[0] ?? null), setPreview(null), setMatches({}), setColumns({}))}
            />
          </Button>
          <Stack direction="row" spacing={2}>
            <Button variant="contained" disabled={!file || Boolean(busy)} onClick={() => send(true)}>
              {translate('talentflow.imports.preview')}
            </Button>
            <Button variant="contained" color="success" disabled={!preview || blocked || Boolean(busy)} onClick={() => send(false)}>
              {translate('talentflow.imports.commit')}
            </Button>
          </Stack>
          {busy && <ImportProgressBar progressOf={busy} />}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
        {preview && (
          <Box sx={{ mt: 3 }}>
            <Typography component="h2" variant="h6">
              {translate('talentflow.imports.totals')}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', my: 1 }} aria-label={translate('talentflow.imports.totals')}>
              {Object.entries(preview.totals).map(([name, count]) => (
                <Chip key={name} label={`${name}: ${count}`} />
              ))}
            </Stack>
            {blocked && <Alert severity="warning">{translate('talentflow.imports.blocked')}</Alert>}
            {preview.columns && (
              <Stack component="section" aria-label={translate('talentflow.imports.columns')} direction="row" sx={{ flexWrap: 'wrap', gap: 2, my: 2 }}>
                {preview.columns.map(({ header, column }) => (
                  <TextField
                    key={header}
                    select
                    size="small"
                    sx={{ minWidth: 180 }}
                    label={header}
                    value={columns[header] ?? column ?? 'ignore'}
                    onChange={(event) => setColumns({ ...columns, [header]: event.target.value })}
                  >
                    {['ignore', ...(COLUMNS[kind] ?? [])].map((choice) => (
                      <MenuItem key={choice} value={choice}>
                        {choice === 'ignore' ? translate('talentflow.imports.ignore') : choice}
                      </MenuItem>
                    ))}
                  </TextField>
                ))}
              </Stack>
            )}
            {asked.length > 0 && (
              <Stack component="section" aria-label={translate('talentflow.imports.questions')} spacing={2} sx={{ my: 2, maxWidth: 640 }}>
                <Typography component="h2" variant="h6">
                  {translate('talentflow.imports.questions')}
                </Typography>
                {asked.map(({ key, label, candidates, suggested }) => (
                  <TextField
                    key={key}
                    select
                    size="small"
                    label={label}
                    helperText={suggested ? translate('talentflow.imports.suggested') : undefined}
                    value={matches[key] ?? ''}
                    onChange={(event) => setMatches({ ...matches, [key]: event.target.value })}
                  >
                    {candidates.map((candidate) => (
                      <MenuItem key={candidate.id} value={candidate.id}>
                        {candidate.name} ({candidate.id.slice(0, 8)})
                      </MenuItem>
                    ))}
                    {!suggested && <MenuItem value="new">{translate('talentflow.imports.createNew')}</MenuItem>}
                  </TextField>
                ))}
                <Typography variant="body2">{translate('talentflow.imports.previewAgain')}</Typography>
              </Stack>
            )}
            <TextField select size="small" sx={{ my: 2, minWidth: 200 }} label={translate('talentflow.imports.show')} value={shown} onChange={(event) => setShown(event.target.value)}>
              {['all', 'create', 'update', 'unchanged', 'skip', 'ambiguous', 'error'].map((action) => (
                <MenuItem key={action} value={action}>
                  {translate(`talentflow.imports.action.${action}`)}
                </MenuItem>
              ))}
            </TextField>
            <Box component="table" sx={{ borderCollapse: 'collapse', width: '100%', '& td, & th': { borderBottom: 1, borderColor: 'divider', p: 0.5, textAlign: 'left' } }}>
              <caption>{translate('talentflow.imports.rows', { shown: Math.min(rows.length, SHOWN), count: rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{translate('talentflow.imports.row')}</th>
                  <th scope="col">{translate('talentflow.imports.what')}</th>
                  <th scope="col">{translate('talentflow.imports.record')}</th>
                  <th scope="col">{translate('talentflow.imports.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, SHOWN).map((row) => (
                  <tr key={row.row}>
                    <td>{row.row}</td>
                    <td>{translate(`talentflow.imports.action.${row.action}`)}</td>
                    <td>{row.name ?? (row.person ? `${row.person.name}: ${row.from?.name ?? '?'} → ${row.to?.name ?? '?'}${row.on ? `, ${row.on}` : ''}` : '')}</td>
                    <td>{detail(row)}</td>
                  </tr>
                ))}
              </tbody>
            </Box>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
