import { FormField, inputClass } from './FormField';

/** What the API accepts as the title and body of an alert or an announcement. */
const TITLE_MAX = 200;
const BODY_MAX = 4000;

export interface TitleAndBody {
  title: string;
  body: string;
}

/** A title and a message typed by the user (an alert, an announcement), in any script. */
export function TitleAndBodyFields({
  value,
  onChange,
  labels,
  rows = 4,
}: {
  value: TitleAndBody;
  onChange: (next: TitleAndBody) => void;
  labels: { title: string; body: string };
  rows?: number;
}) {
  return (
    <>
      <FormField label={labels.title}>
        {(id) => (
          <input
            id={id}
            required
            maxLength={TITLE_MAX}
            dir="auto"
            value={value.title}
            onChange={(event) => onChange({ ...value, title: event.target.value })}
            className={inputClass}
          />
        )}
      </FormField>
      <FormField label={labels.body}>
        {(id) => (
          <textarea
            id={id}
            required
            rows={rows}
            maxLength={BODY_MAX}
            dir="auto"
            value={value.body}
            onChange={(event) => onChange({ ...value, body: event.target.value })}
            className={inputClass}
          />
        )}
      </FormField>
    </>
  );
}
