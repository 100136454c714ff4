import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { Layer, Rectangle, ResponsiveContainer, Sankey, Tooltip } from 'recharts';
import type { NodeProps } from 'recharts/types/chart/Sankey';
import { type DashboardFilters, useOpenMoves } from './filters';
import { ChoiceToggle } from './ChoiceToggle';
import { CHART_COLORS } from './chart-colors';
import { ChartFigure, Panel } from './Panel';
import { useAnalytics } from './useAnalytics';

const LEVELS = ['organization', 'parent', 'sector', 'country'] as const;

interface Flows {
  nodes: { id: string; key: string; name: string; side: 'origin' | 'destination' }[];
  links: { source: number; target: number; value: number }[];
  total: number;
}

/**
 * A node: its bar, and its name beside it (origins on the left, destinations on the right). The
 * Sankey calls it as a function, not as a component: no hooks here, so its colour comes as a prop.
 */
function SankeyNode({ x, y, width, height, payload, fill }: NodeProps & { fill: string }) {
  const node = payload as unknown as { name: string; side: string; value: number };
  const left = node.side === 'origin';
  return (
    <Layer>
      <Rectangle x={x} y={y} width={width} height={height} fill={fill} fillOpacity={0.9} />
      <text x={left ? x - 6 : x + width + 6} y={y + height / 2} textAnchor={left ? 'end' : 'start'} dominantBaseline="middle" fontSize={12} fill="currentColor">
        {node.name} ({node.value})
      </text>
    </Layer>
  );
}

/**
 * Who goes where: moves from → to as a Sankey diagram and, as its text alternative, a table of its
 * links; a click on a link, a node or a table's count lists the moves behind it.
 */
export function FlowsPanel({ filters, setFilters }: { filters: DashboardFilters; setFilters: (change: Partial<DashboardFilters>) => void }) {
  const translate = useTranslate();
  const openMoves = useOpenMoves(filters);
  const colors = CHART_COLORS[useTheme().palette.mode];
  const answer = useAnalytics<Flows>('flows', filters, { level: filters.level, limit: '40' });
  const { data } = answer;
  const label = (name: string) => (filters.level === 'sector' ? translate(`talentflow.sector.${name}`, { _: name }) : name);
  const chart = data && data.links.length > 0 ? { nodes: data.nodes.map((node) => ({ ...node, name: label(node.name) })), links: data.links } : null;
  const rows = data?.links.map((link) => ({ from: data.nodes[link.source].name, to: data.nodes[link.target].name, moves: link.value })) ?? [];
  return (
    <Panel
      title="talentflow.dashboard.flows"
      rows={rows}
      name="flows"
      data={{ ...answer, isEmpty: !chart }}
      controls={
        <ChoiceToggle
          label="talentflow.dashboard.level"
          value={filters.level}
          choices={LEVELS}
          labelOf={(level) => `talentflow.dashboard.levels.${level}`}
          onChange={(level) => setFilters({ level })}
        />
      }
    >
      {chart ? (
        <ChartFigure label={translate('talentflow.dashboard.flows')} table="flows-table">
          <ResponsiveContainer width="100%" height={420}>
            <Sankey
              data={chart}
              nodePadding={18}
              margin={{ top: 16, right: 140, bottom: 16, left: 140 }}
              link={{ stroke: colors.flow, strokeOpacity: 0.3 }}
              node={(props: NodeProps) => <SankeyNode {...props} fill={colors.flow} />}
              onClick={(item, type) => {
                // A link's payload holds both its ends, as the nodes given above; a node's, the node.
                if (type === 'link') {
                  const { source, target } = item.payload as unknown as { source: Flows['nodes'][number]; target: Flows['nodes'][number] };
                  openMoves({ from: source.key, to: target.key });
                } else {
                  const node = item.payload as unknown as Flows['nodes'][number];
                  openMoves(node.side === 'origin' ? { from: node.key } : { to: node.key });
                }
              }}
            >
              <Tooltip />
            </Sankey>
          </ResponsiveContainer>
        </ChartFigure>
      ) : null}
      <p data-testid="flows-total">{translate('talentflow.dashboard.total', { count: data?.total ?? 0 })}</p>
      {/* The diagram's text alternative: every link as a row, each opening its moves from the keyboard too. */}
      <Table id="flows-table" size="small" aria-label={translate('talentflow.dashboard.flows')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('talentflow.dashboard.origin')}</TableCell>
            <TableCell>{translate('talentflow.dashboard.destination')}</TableCell>
            <TableCell align="right">{translate('talentflow.dashboard.moves')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data?.links.map((link) => {
            const [from, to] = [data.nodes[link.source], data.nodes[link.target]];
            return (
              <TableRow key={`${from.id} ${to.id}`}>
                <TableCell>{label(from.name)}</TableCell>
                <TableCell>{label(to.name)}</TableCell>
                <TableCell align="right">
                  <Link component="button" onClick={() => openMoves({ from: from.key, to: to.key })}>
                    {link.value}
                  </Link>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Panel>
  );
}
