import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  CreateBase,
  ReferenceArrayInput,
  ReferenceInput,
  type RaRecord,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useCreateSuggestionContext,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { sectorChoices } from './choices';
import { validateCountry } from './validation';

/** Autocompletes search as the user types, through the API's accent-insensitive `q`. */
export const searchByQ = (q: string) => ({ q });

/** Pick a person, or create one from what was typed, without leaving the form. */
export function PersonReferenceInput({ source, isRequired = false }: { source: string; isRequired?: boolean }) {
  const dataProvider = useDataProvider();
  return (
    <ReferenceInput source={source} reference="people">
      <AutocompleteInput
        optionText="name"
        filterToQuery={searchByQ}
        validate={isRequired ? required() : undefined}
        createItemLabel="talentflow.action.createNamed"
        onCreate={async (name?: string) => (await dataProvider.create('people', { data: { name: name?.trim() } })).data}
      />
    </ReferenceInput>
  );
}

/** Pick an organisation, or create one in a dialog (it needs a sector) without leaving the form. */
export function OrganizationReferenceInput({ source, isRequired = false }: { source: string; isRequired?: boolean }) {
  return (
    <ReferenceInput source={source} reference="organizations">
      <AutocompleteInput
        optionText="name"
        filterToQuery={searchByQ}
        validate={isRequired ? required() : undefined}
        createItemLabel="talentflow.action.createNamed"
        create={<CreateOrganizationDialog />}
      />
    </ReferenceInput>
  );
}

function CreateOrganizationDialog() {
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  const translate = useTranslate();
  return (
    <Dialog open onClose={onCancel} aria-labelledby="create-organization-title">
      <DialogTitle id="create-organization-title">
        {translate('ra.page.create', { name: translate('resources.organizations.name', { smart_count: 1 }) })}
      </DialogTitle>
      <DialogContent>
        <CreateBase resource="organizations" redirect={false} mutationOptions={{ onSuccess: (record: RaRecord) => onCreate(record) }}>
          <SimpleForm defaultValues={{ name: filter }} toolbar={<Toolbar><SaveButton alwaysEnable /></Toolbar>}>
            <TextInput source="name" validate={required()} autoFocus />
            <SelectInput source="sector" choices={sectorChoices} validate={required()} />
            <TextInput source="country" validate={validateCountry} />
            <TextInput source="city" />
          </SimpleForm>
        </CreateBase>
      </DialogContent>
    </Dialog>
  );
}

const URL_PATTERN = /^https?:\/\/\S+$/;

/** Pick sources, or paste an article's address to get its source: the existing one, or a new one. */
export function SourcesReferenceInput({ source = 'sourceIds' }: { source?: string }) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  return (
    <ReferenceArrayInput source={source} reference="sources">
      <AutocompleteArrayInput
        filterToQuery={searchByQ}
        helperText="talentflow.hint.pasteUrl"
        createItemLabel="talentflow.action.createNamed"
        onCreate={async (text?: string) => {
          const url = text?.trim() ?? '';
          if (!URL_PATTERN.test(url)) {
            notify('talentflow.message.notAUrl', { type: 'warning' });
            return undefined;
          }
          const { data: existing } = await dataProvider.getList('sources', {
            filter: { url },
            pagination: { page: 1, perPage: 1 },
            sort: { field: 'publishedOn', order: 'DESC' },
          });
          return existing[0] ?? (await dataProvider.create('sources', { data: { url } })).data;
        }}
      />
    </ReferenceArrayInput>
  );
}
