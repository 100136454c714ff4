import { type Theme, useMediaQuery } from '@mui/material';
import { DataTable, List, ReferenceField, SearchInput, SelectField, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { populationChoices } from '../common/choices';
import { DateField } from '../common/fields';
import { useRecoverableFilters } from '../common/useRecoverableFilters';
import { csvExporter } from '../common/csv-export';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="population" source="population" choices={populationChoices} />];

export function HeadcountObservationList() {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <List filters={useRecoverableFilters(filters)} sort={{ field: 'observedOn', order: 'DESC' }} exporter={csvExporter}>
      {small ? (
        <SimpleList
          primaryText={<ReferenceField source="organizationId" reference="organizations" link={false} />}
          secondaryText={(observation) => `${observation.count} ${translate(`talentflow.population.${observation.population}`)}`}
          tertiaryText="%{observedOn}"
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show">
          <DataTable.Col source="organizationId" disableSort>
            <ReferenceField source="organizationId" reference="organizations" />
          </DataTable.Col>
          <DataTable.Col source="observedOn">
            <DateField source="observedOn" />
          </DataTable.Col>
          <DataTable.NumberCol source="count" />
          <DataTable.Col source="population">
            <SelectField source="population" choices={populationChoices} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
