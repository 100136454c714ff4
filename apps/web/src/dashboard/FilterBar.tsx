import DownloadIcon from '@mui/icons-material/Download';
import FilterListIcon from '@mui/icons-material/FilterList';
import type { Theme } from '@mui/material';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import useMediaQuery from '@mui/material/useMediaQuery';
import { MOVE_STATUSES, ROLE_CATEGORIES, SECTORS } from '@talentflow/domain';
import { useState } from 'react';
import { useGetList, useGetMany, useTranslate } from 'react-admin';
import { type DashboardFilters, toQuery } from './filters';

function MultiSelect({ label, options, value, onChange, translateAs }: {
  label: string;
  options: readonly string[];
  value: string[];
  onChange: (value: string[]) => void;
  translateAs?: string;
}) {
  const translate = useTranslate();
  return (
    <Autocomplete
      multiple
      size="small"
      sx={{ width: 220 }}
      options={[...options]}
      value={value}
      freeSolo={!translateAs}
      getOptionLabel={(option) => (translateAs ? translate(`talentflow.${translateAs}.${option}`) : option)}
      onChange={(_, next) => onChange(next.map(String))}
      renderInput={(params) => <TextField {...params} label={translate(label)} />}
    />
  );
}

function OrganizationsSelect({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const { data: found = [] } = useGetList('organizations', { filter: search ? { q: search } : {}, pagination: { page: 1, perPage: 20 }, sort: { field: 'name', order: 'ASC' } });
  const { data: chosen = [] } = useGetMany('organizations', { ids: value });
  const options = [...chosen, ...found.filter((o) => !value.includes(String(o.id)))];
  return (
    <Autocomplete
      multiple
      size="small"
      sx={{ width: 280 }}
      options={options}
      value={chosen}
      filterOptions={(all) => all}
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_, text) => setSearch(text)}
      onChange={(_, next) => onChange(next.map((o) => String(o.id)))}
      renderInput={(params) => <TextField {...params} label={translate('talentflow.dashboard.organizations')} />}
    />
  );
}

interface FilterBarProps {
  filters: DashboardFilters;
  setFilters: (change: Partial<DashboardFilters>) => void;
}

/** Every filter's field; each change goes to the URL. */
function FilterFields({ filters, setFilters }: FilterBarProps) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <TextField
        type="date"
        size="small"
        sx={{ width: 170 }}
        label={translate('talentflow.dashboard.from')}
        value={filters.from}
        onChange={(event) => setFilters({ from: event.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="date"
        size="small"
        sx={{ width: 170 }}
        label={translate('talentflow.dashboard.to')}
        value={filters.to}
        onChange={(event) => setFilters({ to: event.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <MultiSelect label="talentflow.dashboard.sectors" options={SECTORS} translateAs="sector" value={filters.sectors} onChange={(sectors) => setFilters({ sectors })} />
      <MultiSelect label="talentflow.dashboard.countries" options={['FR', 'US', 'GB', 'DE', 'CH']} value={filters.countries} onChange={(countries) => setFilters({ countries: countries.map((c) => c.toUpperCase()) })} />
      <OrganizationsSelect value={filters.organizationIds} onChange={(organizationIds) => setFilters({ organizationIds })} />
      <MultiSelect label="talentflow.dashboard.roleCategories" options={ROLE_CATEGORIES} translateAs="roleCategory" value={filters.roleCategories} onChange={(roleCategories) => setFilters({ roleCategories })} />
      <MultiSelect label="talentflow.dashboard.statuses" options={MOVE_STATUSES} translateAs="status" value={filters.statuses} onChange={(statuses) => setFilters({ statuses })} />
      <MultiSelect label="talentflow.dashboard.fields" options={[]} value={filters.fields} onChange={(fields) => setFilters({ fields })} />
      <Button
        size="small"
        href={`/api/analytics/moves.parquet?${toQuery(filters)}`}
        download
        startIcon={<DownloadIcon />}
        title={translate('talentflow.dashboard.downloadParquetHint')}
      >
        {translate('talentflow.dashboard.downloadParquet')}
      </Button>
    </Stack>
  );
}

/** The filters that are set, in words: what the chips of the phone's filter bar say. */
function useSetFilters(filters: DashboardFilters): string[] {
  const translate = useTranslate();
  const named = (values: string[], as: string) => values.map((value) => translate(`talentflow.${as}.${value}`));
  return [
    `${filters.from} – ${filters.to}`,
    ...named(filters.sectors, 'sector'),
    ...filters.countries,
    ...(filters.organizationIds.length ? [translate('talentflow.dashboard.organizationCount', { smart_count: filters.organizationIds.length })] : []),
    ...named(filters.roleCategories, 'roleCategory'),
    ...named(filters.statuses, 'status'),
    ...filters.fields,
  ];
}

/**
 * One filter bar for every panel. On a laptop, every field in a row. On a phone, a row of chips
 * saying which filters are set and a button that opens the fields in a drawer, so that the
 * dashboard opens on its figures.
 */
export function FilterBar({ filters, setFilters }: FilterBarProps) {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const chips = useSetFilters(filters);
  if (!phone) {
    return (
      <Card component="section" aria-label={translate('talentflow.dashboard.filters')}>
        <CardContent>
          <FilterFields filters={filters} setFilters={setFilters} />
        </CardContent>
      </Card>
    );
  }
  return (
    <Card component="section" aria-label={translate('talentflow.dashboard.filters')}>
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', py: 1, '&:last-child': { pb: 1 } }}>
        <Button size="small" variant="outlined" startIcon={<FilterListIcon />} onClick={() => setOpen(true)} aria-haspopup="dialog" aria-expanded={open}>
          {translate('talentflow.dashboard.filters')}
        </Button>
        {chips.map((chip) => (
          <Chip key={chip} size="small" label={chip} />
        ))}
      </CardContent>
      <Drawer anchor="bottom" open={open} onClose={() => setOpen(false)} slotProps={{ paper: { 'aria-label': translate('talentflow.dashboard.filters') } }}>
        <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
          <FilterFields filters={filters} setFilters={setFilters} />
          <Button variant="contained" onClick={() => setOpen(false)} sx={{ alignSelf: 'flex-end' }}>
            {translate('talentflow.dashboard.showFigures')}
          </Button>
        </Box>
      </Drawer>
    </Card>
  );
}
