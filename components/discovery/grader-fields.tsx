import { errorsFor, type FieldErrors } from "@/components/shared/errors";
import { TextareaField, TextField } from "@/components/ui";
import { CodeCasesFields } from "./code-cases-fields";
import { JsonFieldsEditor } from "./json-fields-editor";
import { splitLabels, type SuiteItemDraft } from "./suite-item-draft";

type Change = (patch: Partial<SuiteItemDraft>) => void;

function ExpectedField({ draft, change, errors, hint, placeholder }: { draft: SuiteItemDraft; change: Change; errors: FieldErrors; hint?: string; placeholder?: string }) {
  return (
    <TextField
      id="item-expected"
      label="Expected answer"
      value={draft.expected}
      onChange={(e) => change({ expected: e.target.value })}
      placeholder={placeholder}
      hint={hint}
      errors={errorsFor(errors, "item.expected")}
    />
  );
}

/** The fields of the chosen grader kind; the rest of the draft is kept while the kind changes. */
export function GraderFields({ draft, change, errors }: { draft: SuiteItemDraft; change: Change; errors: FieldErrors }) {
  switch (draft.kind) {
    case "exact":
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <ExpectedField draft={draft} change={change} errors={errors} placeholder="Paris" />
          <TextareaField
            id="item-alternatives"
            label="Also accepted (optional, one per line)"
            rows={2}
            value={draft.alternatives}
            onChange={(e) => change({ alternatives: e.target.value })}
            errors={errorsFor(errors, "item.grader.alternatives", true)}
          />
        </div>
      );
    case "numeric":
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <ExpectedField draft={draft} change={change} errors={errors} placeholder="42" hint="The final number in the answer is compared." />
          <TextField
            id="item-tolerance"
            label="Tolerance (±)"
            type="number"
            min={0}
            step="any"
            value={draft.tolerance}
            onChange={(e) => change({ tolerance: e.target.value })}
            hint="0 for integer answers."
            errors={errorsFor(errors, "item.grader.tolerance", true)}
          />
        </div>
      );
    case "label": {
      const labels = splitLabels(draft.labels);
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextareaField
            id="item-labels"
            label="Labels (comma-separated or one per line)"
            rows={2}
            value={draft.labels}
            onChange={(e) => change({ labels: e.target.value })}
            placeholder="positive, negative, neutral"
            errors={errorsFor(errors, "item.grader.labels", true)}
          />
          <ExpectedField draft={draft} change={change} errors={errors} placeholder={labels[0] ?? "positive"} hint={labels.length ? `One of: ${labels.join(", ")}` : undefined} />
        </div>
      );
    }
    case "code":
      return (
        <div className="space-y-4">
          <TextField
            id="item-function"
            label="Function name"
            value={draft.functionName}
            onChange={(e) => change({ functionName: e.target.value })}
            placeholder="addNumbers"
            className="font-mono"
            hint="The answer must define this JavaScript function."
            errors={errorsFor(errors, "item.grader.functionName", true)}
          />
          <CodeCasesFields cases={draft.cases} onChange={(cases) => change({ cases })} errors={errors} />
        </div>
      );
    case "json":
      return <JsonFieldsEditor fields={draft.fields} onChange={(fields) => change({ fields })} errors={errors} />;
    case "chrf":
      return (
        <div className="space-y-4">
          <TextareaField
            id="item-reference"
            label="Reference text"
            rows={3}
            value={draft.reference}
            onChange={(e) => change({ reference: e.target.value })}
            errors={errorsFor(errors, "item.grader.reference", true)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextareaField
              id="item-alternatives"
              label="Other correct renderings (optional, one per line)"
              rows={2}
              value={draft.alternatives}
              onChange={(e) => change({ alternatives: e.target.value })}
              errors={errorsFor(errors, "item.grader.alternatives", true)}
            />
            <TextField
              id="item-threshold"
              label="Pass mark (chrF, 0–100)"
              type="number"
              min={0}
              max={100}
              value={draft.threshold}
              onChange={(e) => change({ threshold: e.target.value })}
              hint="Around 50 for translations."
              errors={errorsFor(errors, "item.grader.threshold", true)}
            />
          </div>
        </div>
      );
    case "rubric":
      return (
        <div className="space-y-4">
          <TextareaField
            id="item-criteria"
            label="Criteria for the judge"
            rows={3}
            value={draft.criteria}
            onChange={(e) => change({ criteria: e.target.value })}
            placeholder="Polite, answers the question, under 80 words."
            errors={errorsFor(errors, "item.grader.criteria", true)}
          />
          <TextareaField
            id="item-rubric"
            label="Extra guidance (optional)"
            rows={2}
            value={draft.rubric}
            onChange={(e) => change({ rubric: e.target.value })}
            placeholder="Forgive small spelling mistakes."
            errors={errorsFor(errors, "item.rubric")}
          />
        </div>
      );
  }
}
