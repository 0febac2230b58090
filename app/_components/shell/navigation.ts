import type { MessageKey } from "@/server/i18n";

/** The sidebar, in DESIGN.md order. Sections that are not built yet render a "coming soon" page. */
export const NAVIGATION: { segment: string; label: MessageKey; icon: string; adminOnly?: boolean }[] = [
  { segment: "dashboard", label: "nav.dashboard", icon: "▦" },
  { segment: "connections", label: "nav.connections", icon: "⇄" },
  { segment: "resources", label: "nav.resources", icon: "▤" },
  { segment: "costs", label: "nav.costs", icon: "₽" },
  { segment: "recommendations", label: "nav.recommendations", icon: "✓" },
  { segment: "budgets", label: "nav.budgets", icon: "◔" },
  { segment: "reports", label: "nav.reports", icon: "≡" },
  { segment: "business", label: "nav.business", icon: "◈" },
  { segment: "settings", label: "nav.settings", icon: "⚙" },
  { segment: "admin", label: "nav.admin", icon: "★", adminOnly: true },
];
