import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useGetList, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { useFormatLocale } from './fields';

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** A record's own history from the audit log: who changed what, when, from what to what. */
export function RecordHistory() {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const locale = useFormatLocale();
  const { data = [], isPending } = useGetList(
    'audit-entries',
    { filter: { resource, recordId: record?.id }, sort: { field: 'at', order: 'DESC' }, pagination: { page: 1, perPage: 50 } },
    { enabled: Boolean(record?.id) },
  );
  return (
    <Accordion disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="subtitle2">
          {translate('talentflow.page.history')} {isPending ? '' : `(${data.length})`}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        {/* On a narrow screen the table scrolls within itself, from the keyboard too, rather than widening the page. */}
        <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }} tabIndex={0} role="region" aria-label={translate('talentflow.page.history')}>
        <Table size="small" aria-label={translate('talentflow.page.history')}>
          <TableBody>
            {data.flatMap((entry) => {
              const changes = Object.entries((entry.changes ?? {}) as Record<string, { before: unknown; after: unknown }>);
              const head = (
                <TableRow key={entry.id} data-testid="history-entry">
                  <TableCell>{new Date(entry.at).toLocaleString(locale)}</TableCell>
                  <TableCell>{entry.userEmail ?? '—'}</TableCell>
                  <TableCell>{translate(`talentflow.action.${entry.action}`)}</TableCell>
                  <TableCell />
                </TableRow>
              );
              return [
                head,
                ...changes.map(([field, { before, after }]) => (
                  <TableRow key={`${entry.id}-${field}`}>
                    <TableCell />
                    <TableCell colSpan={2}>{field}</TableCell>
                    <TableCell>
                      {show(before)} → {show(after)}
                    </TableCell>
                  </TableRow>
                )),
              ];
            })}
          </TableBody>
        </Table>
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
