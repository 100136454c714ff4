import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type DashboardFilters, useOpenMoves } from './filters';
import { CHART_COLORS } from './chart-colors';
import { ChartFigure, Panel } from './Panel';
import { useAnalytics } from './useAnalytics';

interface NetFlow {
  key: string;
  name: string;
  arrivals: number;
  departures: number;
  balance: number;
}

/** A count that opens the moves behind it, from the keyboard as well as the mouse; nothing to open behind a 0. */
function CountButton({ count, onClick }: { count: number; onClick: () => void }) {
  return count === 0 ? (
    <>0</>
  ) : (
    <Link component="button" onClick={onClick}>
      {count}
    </Link>
  );
}

/** Who gains and who loses: arrivals, departures and balance, as bars and as a table; a bar opens its moves. */
export function NetFlowsPanel({ filters }: { filters: DashboardFilters }) {
  const translate = useTranslate();
  const openMoves = useOpenMoves(filters);
  const colors = CHART_COLORS[useTheme().palette.mode];
  const answer = useAnalytics<NetFlow[]>('net-flows', filters, { level: filters.level, limit: '15' });
  const data = answer.data ?? [];
  const label = (name: string) => (filters.level === 'sector' ? translate(`talentflow.sector.${name}`, { _: name }) : name);
  const rows = data.map((row) => ({ ...row, name: label(row.name), departures: -row.departures }));
  return (
    <Panel title="talentflow.dashboard.netFlows" rows={data} name="net-flows" data={{ ...answer, isEmpty: data.length === 0 }}>
      <ChartFigure label={translate('talentflow.dashboard.netFlows')} table="net-flows-table">
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={rows} margin={{ left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} angle={-20} textAnchor="end" height={70} tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="arrivals"
              name={translate('talentflow.dashboard.arrivals')}
              fill={colors.arrivals}
              cursor="pointer"
              onClick={(bar) => openMoves({ to: (bar.payload as NetFlow).key })}
            />
            <Bar
              dataKey="departures"
              name={translate('talentflow.dashboard.departures')}
              fill={colors.departures}
              cursor="pointer"
              onClick={(bar) => openMoves({ from: (bar.payload as NetFlow).key })}
            />
            <Bar dataKey="balance" name={translate('talentflow.dashboard.balance')} fill={colors.balance} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <Table id="net-flows-table" size="small" aria-label={translate('talentflow.dashboard.netFlows')}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">{translate('talentflow.dashboard.arrivals')}</TableCell>
            <TableCell align="right">{translate('talentflow.dashboard.departures')}</TableCell>
            <TableCell align="right">{translate('talentflow.dashboard.balance')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((row) => (
            <TableRow key={row.key}>
              <TableCell>{label(row.name)}</TableCell>
              <TableCell align="right">
                <CountButton count={row.arrivals} onClick={() => openMoves({ to: row.key })} />
              </TableCell>
              <TableCell align="right">
                <CountButton count={row.departures} onClick={() => openMoves({ from: row.key })} />
              </TableCell>
              <TableCell align="right">{row.balance}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}
