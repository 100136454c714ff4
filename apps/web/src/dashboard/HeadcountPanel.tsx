import Link from '@mui/material/Link';
import { useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { POPULATIONS } from '@talentflow/domain';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormatLocale } from '../common/fields';
import { ChoiceToggle } from './ChoiceToggle';
import { type DashboardFilters, useOpenMoves } from './filters';
import { CHART_COLORS } from './chart-colors';
import { ChartFigure, Panel } from './Panel';
import { useAnalytics } from './useAnalytics';

interface Headcount {
  organizationId: string;
  name: string;
  observations: { observedOn: string; count: number }[];
  series: { month: string; count: number }[];
  targets: { low: number; high: number; dueBy: string | null; current: number | null; progress: number | null; met: boolean | null }[];
}

/** `2024-02` → `2024-02-29`. */
function lastDayOf(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

/**
 * Is the lab on track: its headcount over time against its target's band and date, as a chart and
 * (folded) a table; a point, or a month in the table, opens that month's moves.
 */
export function HeadcountPanel({ filters, setFilters }: { filters: DashboardFilters; setFilters: (change: Partial<DashboardFilters>) => void }) {
  const translate = useTranslate();
  const locale = useFormatLocale();
  const openMoves = useOpenMoves(filters);
  const colors = CHART_COLORS[useTheme().palette.mode];
  const answer = useAnalytics<Headcount[]>('headcount', filters, { population: filters.population });
  const data = answer.data ?? [];
  const rows = data.flatMap((lab) => lab.series.map((point) => ({ organization: lab.name, month: point.month, count: point.count })));
  return (
    <Panel
      title="talentflow.dashboard.headcount"
      rows={rows}
      name="headcount"
      data={{ ...answer, isEmpty: data.length === 0 }}
      controls={
        <ChoiceToggle
          label="talentflow.dashboard.population"
          value={filters.population}
          choices={POPULATIONS as readonly string[]}
          labelOf={(population) => `talentflow.population.${population}`}
          onChange={(population) => setFilters({ population })}
        />
      }
    >
      {data.map((lab) => {
        const target = lab.targets[0];
        const points = lab.series.map((point) => ({
          month: point.month.slice(0, 7),
          series: point.count,
          observed: lab.observations.find((o) => o.observedOn.slice(0, 7) === point.month.slice(0, 7))?.count,
        }));
        const openMonth = (month: string) =>
          openMoves({ extra: { organizationId: lab.organizationId, effectiveAfter: `${month}-01`, effectiveBefore: lastDayOf(month) } });
        const table = `headcount-table-${lab.organizationId}`;
        return (
          <section key={lab.organizationId} aria-label={lab.name} data-testid="headcount-lab">
            <Typography variant="subtitle1" component="h3">
              {lab.name}
              {target
                ? ` — ${translate('talentflow.dashboard.progress', {
                    current: target.current ?? '?',
                    low: target.low,
                    high: target.high,
                    percent: target.progress === null ? '?' : Math.round(target.progress * 100).toLocaleString(locale),
                  })}`
                : ''}
            </Typography>
            <ChartFigure label={`${translate('talentflow.dashboard.headcount')}: ${lab.name}`} table={table}>
              <ResponsiveContainer width="100%" height={220}>
                <LineChart
                  data={points}
                  style={{ cursor: 'pointer' }}
                  onClick={(state) => {
                    // A point opens the lab's moves of that month.
                    const month = typeof state?.activeLabel === 'string' ? state.activeLabel : undefined;
                    if (month) openMonth(month);
                  }}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" tick={{ fontSize: 11 }} />
                  <YAxis allowDecimals={false} domain={[0, (max: number) => Math.max(max, target?.high ?? 0)]} />
                  <Tooltip />
                  <Legend />
                  {target ? <ReferenceArea y1={target.low} y2={target.high} fill={colors.target} fillOpacity={0.12} label={translate('talentflow.dashboard.target')} /> : null}
                  {target?.dueBy ? <ReferenceLine x={target.dueBy.slice(0, 7)} stroke={colors.target} strokeDasharray="4 4" /> : null}
                  <Line type="stepAfter" dataKey="series" name={translate('talentflow.dashboard.series')} stroke={colors.series} dot={false} />
                  <Line dataKey="observed" name={translate('talentflow.dashboard.observed')} stroke="none" dot={{ r: 4, fill: colors.observed }} />
                </LineChart>
              </ResponsiveContainer>
            </ChartFigure>
            <details>
              <summary>{translate('talentflow.dashboard.headcountTable')}</summary>
              <Table id={table} size="small" aria-label={`${translate('talentflow.dashboard.headcount')}: ${lab.name}`}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('talentflow.dashboard.month')}</TableCell>
                    <TableCell align="right">{translate('talentflow.dashboard.series')}</TableCell>
                    <TableCell align="right">{translate('talentflow.dashboard.observed')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {points.map((point) => (
                    <TableRow key={point.month}>
                      <TableCell>
                        <Link component="button" onClick={() => openMonth(point.month)}>
                          {point.month}
                        </Link>
                      </TableCell>
                      <TableCell align="right">{point.series}</TableCell>
                      <TableCell align="right">{point.observed ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </details>
          </section>
        );
      })}
    </Panel>
  );
}
