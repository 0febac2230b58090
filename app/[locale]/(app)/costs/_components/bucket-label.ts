import type { Granularity } from "@/server/services/costs/cost-query-contract";
import type { Locale, MessageKey, MessageParams } from "@/server/i18n";
import { formatDay } from "../../../../_i18n/format";

/** A bucket start as a column header: "12 нояб.", "нед. с 10 нояб.", "нояб. 2026 г.". */
export function bucketLabel(bucket: string, granularity: Granularity, locale: Locale, t: (key: MessageKey, params?: MessageParams) => string): string {
  if (granularity === "month") return formatDay(bucket, locale, { month: "short", year: "numeric" });
  const day = formatDay(bucket, locale, { day: "numeric", month: "short" });
  return granularity === "week" ? t("costs.week", { date: day }) : day;
}
