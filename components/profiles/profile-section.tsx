import { prepareProfileRows } from "@/components/charts/prepare-profile-rows";
import { Card, CardBody, CardHeader, ErrorBoundary } from "@/components/ui";
import { ProfileChart } from "./profile-chart";
import { ProfileTable } from "./profile-table";
import type { ModelDetail } from "./types";

/** The model's capability profile as a table, with the admins' overrides and resets. */
export function ProfileSection({ model, canManage }: { model: ModelDetail; canManage: boolean }) {
  const rows = prepareProfileRows(model.capabilities);
  const overrides = rows.filter((r) => r.manual).length;
  return (
    <Card>
      <CardHeader
        title="Capability profile"
        description={
          <>
            Each estimate is a Beta posterior over the chance of a good answer: its mean and exact 90% interval.
            {overrides > 0 && ` ${overrides} manual override${overrides === 1 ? "" : "s"} in force: routing uses the hand-set score while the estimate keeps learning underneath.`}
          </>
        }
      />
      <ProfileTable rows={rows} modelId={model.id} canManage={canManage} />
    </Card>
  );
}

/** The same figures as a chart: intervals as bars, estimates as dots, overrides as diamonds. */
export function ProfileChartCard({ model }: { model: ModelDetail }) {
  return (
    <Card className="min-w-0">
      <CardHeader title="Profile at a glance" description="Bars are the 90% intervals, dots the estimates, diamonds manual overrides." />
      <CardBody>
        <ErrorBoundary fallback={<p className="text-sm text-neutral-500">The chart could not be drawn; the table has the same figures.</p>}>
          <ProfileChart rows={prepareProfileRows(model.capabilities)} />
        </ErrorBoundary>
      </CardBody>
    </Card>
  );
}
