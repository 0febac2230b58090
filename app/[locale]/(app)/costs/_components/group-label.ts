"use client";

import { useCallback } from "react";
import { OTHER_SERIES_KEY, type CostDimension } from "@/server/services/costs/cost-query-contract";
import { useI18n } from "../../../../_i18n/i18n-provider";
import { typeLabel } from "../../resources/_components/labels";

/** The server labels groups with names it knows; the UI adds the words that depend on the language. */
export function useGroupLabel(groupBy: CostDimension) {
  const { t } = useI18n();
  return useCallback(
    (key: string | null, label: string) => {
      if (key === null) return t("costs.table.none");
      if (key === OTHER_SERIES_KEY) return t("costs.chart.other");
      if (groupBy === "resourceType") return typeLabel(t, key);
      return label;
    },
    [groupBy, t],
  );
}
export type GroupLabel = ReturnType<typeof useGroupLabel>;
