import { type Theme, useMediaQuery } from '@mui/material';
import { DataTable, List, ReferenceField, SearchInput, SelectField, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { populationChoices } from '../common/choices';
import { DateField } from '../common/fields';
import { useRecoverableFilters } from '../common/useRecoverableFilters';
import { csvExporter } from '../common/csv-export';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="population" source="population" choices={populationChoices} />];

export function HeadcountTargetList() {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <List filters={useRecoverableFilters(filters)} sort={{ field: 'dueBy', order: 'ASC' }} exporter={csvExporter}>
      {small ? (
        <SimpleList
          primaryText={<ReferenceField source="organizationId" reference="organizations" link={false} />}
          secondaryText={(target) => `${target.low === target.high ? target.low : `${target.low}–${target.high}`} ${translate(`talentflow.population.${target.population}`)}`}
          tertiaryText="%{dueBy}"
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show">
          <DataTable.Col source="organizationId" disableSort>
            <ReferenceField source="organizationId" reference="organizations" />
          </DataTable.Col>
          <DataTable.NumberCol source="low" />
          <DataTable.NumberCol source="high" />
          <DataTable.Col source="population">
            <SelectField source="population" choices={populationChoices} />
          </DataTable.Col>
          <DataTable.Col source="dueBy">
            <DateField source="dueBy" emptyText="—" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
