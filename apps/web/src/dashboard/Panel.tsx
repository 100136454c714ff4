import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import { type ReactNode, useRef } from 'react';
import { useTranslate } from 'react-admin';
import { exportCsv, exportPng } from './export';

/** A dashboard panel: its chart or table, with its data as CSV and its chart as PNG. */
export function Panel({ title, rows, name, chart = true, children }: { title: string; rows: object[]; name: string; chart?: boolean; children: ReactNode }) {
  const translate = useTranslate();
  const body = useRef<HTMLDivElement>(null);
  return (
    <Card component="section" aria-label={translate(title)} data-testid={`panel-${name}`}>
      <CardHeader
        title={translate(title)}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        action={
          <>
            <Button size="small" onClick={() => exportCsv(rows, name)}>
              CSV
            </Button>
            {chart ? (
              <Button size="small" onClick={() => exportPng(body.current, name)}>
                PNG
              </Button>
            ) : null}
          </>
        }
      />
      <CardContent ref={body}>{children}</CardContent>
    </Card>
  );
}
