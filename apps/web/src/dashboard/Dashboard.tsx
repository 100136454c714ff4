import Grid from '@mui/material/Grid';
import { Title } from 'react-admin';
import { FilterBar } from './FilterBar';
import { useDashboardFilters } from './filters';
import { FlowsPanel } from './FlowsPanel';
import { HeadcountPanel } from './HeadcountPanel';
import { LatestMovesPanel } from './LatestMovesPanel';
import { NetFlowsPanel } from './NetFlowsPanel';

/** The analysts' home: one filter bar, in the URL, driving every panel. Loaded lazily with its charts. */
export default function Dashboard() {
  const [filters, setFilters] = useDashboardFilters();
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Title title="talentflow.dashboard.title" />
      <Grid size={12}>
        <FilterBar filters={filters} setFilters={setFilters} />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <HeadcountPanel filters={filters} setFilters={setFilters} />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <NetFlowsPanel filters={filters} />
      </Grid>
      <Grid size={{ xs: 12, lg: 8 }}>
        <FlowsPanel filters={filters} setFilters={setFilters} />
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <LatestMovesPanel filters={filters} />
      </Grid>
    </Grid>
  );
}
