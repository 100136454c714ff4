import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { type ReactNode, useRef } from 'react';
import { useTranslate } from 'react-admin';
import { exportCsv, exportPng } from './export';

/**
 * A chart, for assistive technology a figure named `label` whose text alternative is the table
 * `table` (its id): `aria-details` points at the table, `aria-describedby` at a line saying so.
 */
export function ChartFigure({ label, table, children }: { label: string; table: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="figure" aria-label={label} aria-details={table} aria-describedby={`${table}-note`} sx={{ m: 0 }}>
      {children}
      <Typography id={`${table}-note`} component="figcaption" variant="caption" color="text.secondary">
        {translate('talentflow.dashboard.asTable')}
      </Typography>
    </Box>
  );
}

/** Where a panel's data stands: its query's state, and whether the answer holds anything to show. */
export interface PanelData {
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
  isEmpty: boolean;
}

/**
 * A dashboard panel: its controls, then its chart or table once its data is there — or a loading, an
 * empty or an error state (with a retry) instead — and its data as CSV and its chart as PNG.
 */
export function Panel({
  title,
  rows,
  name,
  data,
  controls,
  chart = true,
  children,
}: {
  title: string;
  rows: object[];
  name: string;
  data: PanelData;
  controls?: ReactNode;
  chart?: boolean;
  children: ReactNode;
}) {
  const translate = useTranslate();
  const body = useRef<HTMLDivElement>(null);
  const ready = !data.isPending && !data.isError && !data.isEmpty;
  return (
    <Card component="section" aria-label={translate(title)} data-testid={`panel-${name}`} aria-busy={data.isPending}>
      <CardHeader
        title={translate(title)}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        action={
          <>
            <Button size="small" disabled={!ready} onClick={() => exportCsv(rows, name)}>
              CSV
            </Button>
            {chart ? (
              <Button size="small" disabled={!ready} onClick={() => exportPng(body.current, name)}>
                PNG
              </Button>
            ) : null}
          </>
        }
      />
      <CardContent ref={body}>
        {controls}
        {data.isPending ? (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 2 }} data-testid="panel-loading">
            <CircularProgress size={20} aria-hidden />
            <Typography variant="body2">{translate('talentflow.dashboard.loading')}</Typography>
          </Box>
        ) : data.isError ? (
          <Alert
            severity="error"
            data-testid="panel-error"
            action={
              <Button color="inherit" size="small" onClick={() => data.refetch()}>
                {translate('talentflow.dashboard.retry')}
              </Button>
            }
          >
            {translate('talentflow.dashboard.error')}
          </Alert>
        ) : data.isEmpty ? (
          <Typography variant="body2" sx={{ py: 2 }} data-testid="panel-empty">
            {translate('talentflow.dashboard.noData')}
          </Typography>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}
