import Autocomplete from '@mui/material/Autocomplete';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { MOVE_STATUSES, ROLE_CATEGORIES, SECTORS } from '@talentflow/domain';
import { useState } from 'react';
import { useGetList, useGetMany, useTranslate } from 'react-admin';
import type { DashboardFilters } from './filters';

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

/** One filter bar for every panel; each change goes to the URL. */
export function FilterBar({ filters, setFilters }: { filters: DashboardFilters; setFilters: (change: Partial<DashboardFilters>) => void }) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-label={translate('talentflow.dashboard.filters')}>
      <CardContent>
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
        </Stack>
      </CardContent>
    </Card>
  );
}
