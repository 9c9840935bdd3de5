import { packageById, type PackageId } from "@partner-hub/shared";
import { Truncate } from "../../../components/ui/truncate.tsx";

/** The packages a customer is offered, by display name, on one line. */
export function PackageList({ packages }: { packages: readonly PackageId[] }) {
  const names = packages.map((id) => packageById(id).displayName);
  if (names.length === 0) return <span className="muted">—</span>;
  return <Truncate text={names.join(", ")} />;
}
