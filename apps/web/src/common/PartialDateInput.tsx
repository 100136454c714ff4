import TextField from '@mui/material/TextField';
import { isIsoCalendarDate } from '@talentflow/domain';
import { useState } from 'react';
import { FieldTitle, InputHelperText, useInput, useResourceContext } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { parsePartialDate } from './partial-date';

function toText(date: string | null | undefined, precision: string | undefined): string {
  if (!date) return '';
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date;
}

const validatePartialDate = (value: unknown) =>
  value && (typeof value !== 'string' || !isIsoCalendarDate(value)) ? 'talentflow.validation.partialDate' : undefined;

/**
 * One text field for a date known to the day, the month or the year: what is typed sets both the
 * date (`source`) and how precise it is (`precisionSource`).
 */
export function PartialDateInput({
  source,
  precisionSource = 'datePrecision',
  label,
}: {
  source: string;
  precisionSource?: string;
  label?: string;
}) {
  const resource = useResourceContext();
  const { setValue } = useFormContext();
  const precision = useWatch({ name: precisionSource }) as string | undefined;
  const { id, field, fieldState, isRequired } = useInput({ source, validate: validatePartialDate });
  const [text, setText] = useState(() => toText(field.value, precision));
  const error = fieldState.isTouched || fieldState.isDirty ? fieldState.error?.message : undefined;

  return (
    <TextField
      id={id}
      name={field.name}
      value={text}
      onBlur={field.onBlur}
      inputRef={field.ref}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = parsePartialDate(event.target.value);
        if (parsed) {
          field.onChange(parsed.date);
          setValue(precisionSource, parsed.precision, { shouldDirty: true });
        } else {
          field.onChange(event.target.value.trim() === '' ? null : event.target.value);
        }
      }}
      label={<FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />}
      error={Boolean(error)}
      helperText={<InputHelperText error={error} helperText="talentflow.hint.partialDate" />}
      size="small"
      margin="dense"
      placeholder="2023-11"
    />
  );
}
