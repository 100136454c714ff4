import {
  DateField as RaDateField,
  type DateFieldProps,
  NumberField as RaNumberField,
  type NumberFieldProps,
  useLocaleState,
  useRecordContext,
} from 'react-admin';

/** How each of the app's languages writes dates and numbers: English as in Europe (17/11/2023). */
const FORMAT_LOCALES: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };

/** The locale to format with: the one chosen in the app, not the browser's. */
export function useFormatLocale(): string {
  const [locale] = useLocaleState();
  return FORMAT_LOCALES[locale] ?? locale;
}

/** react-admin's DateField formats in the browser's locale; these follow the locale chosen in the app. */
export function DateField(props: DateFieldProps) {
  return <RaDateField locales={useFormatLocale()} {...props} />;
}

export function NumberField(props: NumberFieldProps) {
  return <RaNumberField locales={useFormatLocale()} {...props} />;
}

const PRECISION_FORMAT: Record<string, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  year: { year: 'numeric' },
};

/** A date shown only as precisely as it is known: "November 2023", "2023". */
export function formatPartialDate(date: string, precision: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(locale, {
    ...PRECISION_FORMAT[precision],
    timeZone: 'UTC',
  });
}

export function PartialDateField({
  source,
  precisionSource = 'datePrecision',
  emptyText = '—',
}: {
  source: string;
  precisionSource?: string;
  emptyText?: string;
  label?: string;
}) {
  const record = useRecordContext();
  const locale = useFormatLocale();
  const value = record?.[source];
  if (!value) return <span>{emptyText}</span>;
  return <span>{formatPartialDate(value, record?.[precisionSource] ?? 'day', locale)}</span>;
}
