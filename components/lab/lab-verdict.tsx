import { Alert } from "@/components/ui";
import { sampleCaution } from "./sample-size";
import type { LabReportView } from "./types";

/** The target, stated against the best single model and the zero router, with what was tuned on which split. */
export function LabVerdict({ report }: { report: LabReportView }) {
  const t = report.target;
  const caution = sampleCaution(report.split.evalItems);
  return (
    <div className="space-y-2" data-testid="lab-verdict" data-met={t.met}>
      {caution && (
        <Alert tone="info" title="Small sample" data-testid="lab-sample-caution">
          {caution}
        </Alert>
      )}
      <Alert tone={t.met ? "success" : "warning"} title={t.met ? "Target met" : "Target not met"}>
        {t.summary}
      </Alert>
      <p className="text-xs text-neutral-500">
        Held out: {report.split.rule}. Tuned on {report.split.tuneItems} items, figures on {report.split.evalItems}. Tuned cascade ({report.tuned.costCap}):{" "}
        {report.tuned.cascade}. AIQ: area under each policy&apos;s cost–accuracy hull between the cheapest and dearest single model per item, over that range.
      </p>
    </div>
  );
}
