"use client";

import { useState, type FormEvent } from "react";
import { RANGE_PRESETS, type DateRangeInput } from "@/server/services/costs/cost-query-contract";
import { useI18n } from "../../_i18n/i18n-provider";

/** Preset periods as a segmented control, plus a custom from/to that applies on submit (not on every keystroke). */
export function DateRangeControl({ value, onChange, defaultCustom }: { value: DateRangeInput; onChange: (range: DateRangeInput) => void; defaultCustom: { from: string; to: string } }) {
  const { t } = useI18n();
  const custom = !("preset" in value);
  const [editing, setEditing] = useState(custom);
  const [from, setFrom] = useState(custom ? value.from : defaultCustom.from);
  const [to, setTo] = useState(custom ? value.to : defaultCustom.to);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && to) onChange({ from, to });
  };
  const segment = (active: boolean) =>
    `px-3 py-1.5 text-sm font-medium transition first:rounded-l-md last:rounded-r-md ${active ? "bg-brand-primary text-white" : "bg-white text-ink hover:bg-gray-50"}`;
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="date-range">
      <div role="group" aria-label={t("dateRange.label")} className="inline-flex divide-x divide-gray-300 rounded-md border border-gray-300 shadow-sm">
        {RANGE_PRESETS.map((preset) => {
          const active = !editing && "preset" in value && value.preset === preset;
          return (
            <button key={preset} type="button" className={segment(active)} aria-pressed={active} onClick={() => { setEditing(false); onChange({ preset }); }} data-testid={`range-${preset}`}>
              {t(`dateRange.presets.${preset}`)}
            </button>
          );
        })}
        <button type="button" className={segment(editing)} aria-pressed={editing} onClick={() => setEditing(true)} data-testid="range-custom">
          {t("dateRange.custom")}
        </button>
      </div>
      {editing && (
        <form className="flex flex-wrap items-end gap-2" onSubmit={submit} data-testid="range-custom-form">
          <label>
            <span className="label">{t("dateRange.from")}</span>
            <input className="input py-1.5" type="date" value={from} onChange={(event) => setFrom(event.target.value)} required data-testid="range-from" />
          </label>
          <label>
            <span className="label">{t("dateRange.to")}</span>
            <input className="input py-1.5" type="date" value={to} onChange={(event) => setTo(event.target.value)} required data-testid="range-to" />
          </label>
          <button type="submit" className="btn-primary py-1.5" data-testid="range-apply">{t("dateRange.apply")}</button>
        </form>
      )}
    </div>
  );
}
