import { errorsFor, type FieldErrors } from "@/components/shared/errors";
import { Button, CheckboxField, FieldError, SelectField, TextField } from "@/components/ui";
import { EMPTY_FIELD, JSON_TYPES, type JsonFieldDraft, type JsonType } from "./suite-item-draft";

/** The fields a JSON answer must have: name, type, whether required, and optionally the value it must equal. */
export function JsonFieldsEditor({ fields, onChange, errors }: { fields: readonly JsonFieldDraft[]; onChange: (fields: JsonFieldDraft[]) => void; errors: FieldErrors }) {
  const set = (index: number, patch: Partial<JsonFieldDraft>) => onChange(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const schemaErrors = [...(errorsFor(errors, "item.grader.schema", true) ?? []), ...(errors["item.expected"] ?? []), ...(errors["item.grader.expected"] ?? [])];
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-neutral-700">Fields of the JSON answer</legend>
      <p className="text-xs text-neutral-500">Expected values are JSON: &quot;Ada&quot; (with quotes) for text, 42, true, null. Leave blank to check only the type.</p>
      {fields.map((f, i) => {
        const name = f.name.trim();
        return (
          <div key={i} className="grid items-start gap-2 sm:grid-cols-[1fr_8rem_1fr_auto_auto]" data-testid="json-field">
            <TextField id={`field-${i}-name`} label={`Field ${i + 1}`} value={f.name} onChange={(e) => set(i, { name: e.target.value })} placeholder="name" className="font-mono" />
            <SelectField id={`field-${i}-type`} label="type" value={f.type} onChange={(e) => set(i, { type: e.target.value as JsonType })} options={JSON_TYPES.map((t) => ({ value: t, label: t }))} />
            <TextField
              id={`field-${i}-expected`}
              label="expected (optional)"
              value={f.expected}
              onChange={(e) => set(i, { expected: e.target.value })}
              placeholder='"Ada"'
              className="font-mono"
              errors={name ? errorsFor(errors, `item.grader.expected.${name}`, true) : undefined}
            />
            <CheckboxField id={`field-${i}-required`} label="required" checked={f.required} onChange={(e) => set(i, { required: e.target.checked })} className="sm:mt-6" />
            <Button variant="ghost" size="sm" className="sm:mt-5" onClick={() => onChange(fields.filter((_, j) => j !== i))} disabled={fields.length === 1} aria-label={`Remove field ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <FieldError messages={schemaErrors.length ? schemaErrors : undefined} />
      <Button variant="secondary" size="sm" onClick={() => onChange([...fields, EMPTY_FIELD])}>
        Add field
      </Button>
    </fieldset>
  );
}
