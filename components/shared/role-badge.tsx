import type { Role } from "@/server/auth/roles";
import { Badge, type BadgeTone } from "@/components/ui";

const TONE: Record<Role, BadgeTone> = { admin: "violet", operator: "blue", viewer: "neutral" };

export function RoleBadge({ role, className, ...rest }: { role: Role; className?: string; "data-testid"?: string }) {
  return (
    <Badge tone={TONE[role]} className={className} {...rest}>
      {role}
    </Badge>
  );
}
