import { errorsFor, type FieldErrors } from "@/components/shared/errors";
import { Button, FieldError, TextField } from "@/components/ui";
import { EMPTY_CASE, type CodeCaseDraft } from "./suite-item-draft";

/** Test cases for a code item: arguments as a JSON array, the expected return value as JSON. */
export function CodeCasesFields({ cases, onChange, errors }: { cases: readonly CodeCaseDraft[]; onChange: (cases: CodeCaseDraft[]) => void; errors: FieldErrors }) {
  const set = (index: number, patch: Partial<CodeCaseDraft>) => onChange(cases.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const groupErrors = errors["item.grader.cases"];
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-neutral-700">Test cases</legend>
      <p className="text-xs text-neutral-500">Each case calls the function with the arguments and compares the result with the expected value (both JSON).</p>
      {cases.map((c, i) => (
        <div key={i} className="grid items-start gap-2 sm:grid-cols-[1fr_1fr_auto]" data-testid="code-case">
          <TextField
            id={`case-${i}-args`}
            label={`Case ${i + 1}: arguments`}
            value={c.args}
            onChange={(e) => set(i, { args: e.target.value })}
            placeholder="[2, 3]"
            className="font-mono"
            errors={errorsFor(errors, `item.grader.cases.${i}.args`, true)}
          />
          <TextField
            id={`case-${i}-expected`}
            label="expected"
            value={c.expected}
            onChange={(e) => set(i, { expected: e.target.value })}
            placeholder="5"
            className="font-mono"
            errors={errorsFor(errors, `item.grader.cases.${i}.expected`, true)}
          />
          <Button variant="ghost" size="sm" className="sm:mt-5" onClick={() => onChange(cases.filter((_, j) => j !== i))} disabled={cases.length === 1} aria-label={`Remove case ${i + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <FieldError messages={groupErrors} />
      <Button variant="secondary" size="sm" onClick={() => onChange([...cases, EMPTY_CASE])} disabled={cases.length >= 50}>
        Add case
      </Button>
    </fieldset>
  );
}
