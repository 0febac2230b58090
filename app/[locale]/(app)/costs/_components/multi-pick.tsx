"use client";

import { useI18n } from "../../../../_i18n/i18n-provider";

/** A compact multi-select: a disclosure with checkboxes, so every option stays a labelled, keyboard-usable control. */
export function MultiPick({ label, options, selected, onChange, testId }: {
  label: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (values: string[]) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((item) => item !== value));
  const names = options.filter((option) => selected.includes(option.value)).map((option) => option.label);
  return (
    <details className="group relative min-w-0" data-testid={testId}>
      <summary className="input flex cursor-pointer list-none items-center justify-between gap-2 py-1.5" aria-label={label}>
        <span className="min-w-0 truncate">
          <span className="block text-xs text-ink-muted">{label}</span>
          <span className={selected.length ? "font-medium" : ""}>{selected.length === 0 ? t("costs.filters.any") : selected.length === 1 ? names[0] ?? selected[0] : t("costs.filters.selected", { count: selected.length })}</span>
        </span>
        <span aria-hidden className="text-ink-muted transition group-open:rotate-180">▾</span>
      </summary>
      <fieldset className="absolute z-20 mt-1 max-h-72 w-72 max-w-[90vw] overflow-y-auto rounded-md border border-gray-200 bg-white p-2 shadow-lg">
        <legend className="sr-only">{label}</legend>
        {options.length === 0 && <p className="px-2 py-1 text-sm text-ink-muted">{t("costs.filters.noOptions")}</p>}
        {options.map((option) => (
          <label key={option.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-gray-50">
            <input type="checkbox" checked={selected.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            <span className="truncate">{option.label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
