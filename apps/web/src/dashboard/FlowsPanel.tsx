import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useCreatePath, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Layer, Rectangle, ResponsiveContainer, Sankey, Tooltip } from 'recharts';
import type { NodeProps } from 'recharts/types/chart/Sankey';
import { type DashboardFilters, movesFilter } from './filters';
import { Panel } from './Panel';
import { useAnalytics } from './useAnalytics';

interface Flows {
  nodes: { id: string; key: string; name: string; side: 'origin' | 'destination' }[];
  links: { source: number; target: number; value: number }[];
  total: number;
}

const SIDE_FILTER: Record<DashboardFilters['level'], [string, string]> = {
  organization: ['fromOrganizationId', 'toOrganizationId'],
  parent: ['fromRootId', 'toRootId'],
  sector: ['fromSector', 'toSector'],
  country: ['fromCountry', 'toCountry'],
};

/** A node: its bar, and its name beside it (origins on the left, destinations on the right). */
function SankeyNode({ x, y, width, height, payload }: NodeProps) {
  const node = payload as unknown as { name: string; side: string; value: number };
  const left = node.side === 'origin';
  return (
    <Layer>
      <Rectangle x={x} y={y} width={width} height={height} fill="#1976d2" fillOpacity={0.9} />
      <text x={left ? x - 6 : x + width + 6} y={y + height / 2} textAnchor={left ? 'end' : 'start'} dominantBaseline="middle" fontSize={12} fill="currentColor">
        {node.name} ({node.value})
      </text>
    </Layer>
  );
}

/** Who goes where: moves from → to as a Sankey diagram; a click on a link lists the moves behind it. */
export function FlowsPanel({ filters, setFilters }: { filters: DashboardFilters; setFilters: (change: Partial<DashboardFilters>) => void }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const { data } = useAnalytics<Flows>('flows', filters, { level: filters.level, limit: '40' });
  const label = (name: string) => (filters.level === 'sector' ? translate(`talentflow.sector.${name}`, { _: name }) : name);
  const chart = data && data.links.length > 0 ? { nodes: data.nodes.map((node) => ({ ...node, name: label(node.name) })), links: data.links } : null;
  const openMoves = (source: Flows['nodes'][number], target: Flows['nodes'][number]) => {
    const [from, to] = SIDE_FILTER[filters.level];
    const filter = movesFilter(filters, { [from]: source.key, [to]: target.key });
    navigate(`${createPath({ resource: 'moves', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`);
  };
  const rows = data?.links.map((link) => ({ from: data.nodes[link.source].name, to: data.nodes[link.target].name, moves: link.value })) ?? [];
  return (
    <Panel title="talentflow.dashboard.flows" rows={rows} name="flows">
      <ToggleButtonGroup
        size="small"
        exclusive
        value={filters.level}
        onChange={(_, level) => level && setFilters({ level })}
        aria-label={translate('talentflow.dashboard.level')}
      >
        {(['organization', 'parent', 'sector', 'country'] as const).map((level) => (
          <ToggleButton key={level} value={level}>
            {translate(`talentflow.dashboard.levels.${level}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {chart ? (
        <ResponsiveContainer width="100%" height={420}>
          <Sankey
            data={chart}
            nodePadding={18}
            margin={{ top: 16, right: 140, bottom: 16, left: 140 }}
            link={{ stroke: '#1976d2', strokeOpacity: 0.25 }}
            node={SankeyNode}
            onClick={(item, type) => {
              // A link's payload holds both its ends, as the nodes given above.
              const ends = item.payload as unknown as { source?: Flows['nodes'][number]; target?: Flows['nodes'][number] };
              if (type === 'link' && ends.source && ends.target) openMoves(ends.source, ends.target);
            }}
          >
            <Tooltip />
          </Sankey>
        </ResponsiveContainer>
      ) : (
        <p>{translate('talentflow.dashboard.noData')}</p>
      )}
      <p data-testid="flows-total">{translate('talentflow.dashboard.total', { count: data?.total ?? 0 })}</p>
    </Panel>
  );
}
