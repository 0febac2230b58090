import type { Config } from "tailwindcss";

// Brand palette of DESIGN.md, mapped onto Tremor's token names so its charts and KPI cards use it.
const brand = { primary: "#1E40AF", secondary: "#3B82F6", success: "#10B981", warning: "#F59E0B", error: "#EF4444" };

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./node_modules/@tremor/**/*.{js,ts,jsx,tsx}"],
  theme: {
    transparent: "transparent",
    current: "currentColor",
    extend: {
      colors: {
        brand,
        surface: { DEFAULT: "#FFFFFF", muted: "#F8FAFC" },
        ink: { DEFAULT: "#1F2937", muted: "#6B7280" },
        tremor: {
          brand: { faint: "#eff6ff", muted: "#bfdbfe", subtle: "#60a5fa", DEFAULT: brand.secondary, emphasis: brand.primary, inverted: "#ffffff" },
          background: { muted: "#F8FAFC", subtle: "#f3f4f6", DEFAULT: "#ffffff", emphasis: "#374151" },
          border: { DEFAULT: "#e5e7eb" },
          ring: { DEFAULT: "#e5e7eb" },
          content: { subtle: "#9ca3af", DEFAULT: "#6B7280", emphasis: "#374151", strong: "#1F2937", inverted: "#ffffff" },
        },
      },
      boxShadow: {
        "tremor-input": "0 1px 2px 0 rgb(0 0 0 / 0.05)",
        "tremor-card": "0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)",
        "tremor-dropdown": "0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)",
      },
      borderRadius: { "tremor-small": "0.375rem", "tremor-default": "0.5rem", "tremor-full": "9999px" },
      fontSize: {
        "tremor-label": ["0.75rem", { lineHeight: "1rem" }],
        "tremor-default": ["0.875rem", { lineHeight: "1.25rem" }],
        "tremor-title": ["1.125rem", { lineHeight: "1.75rem" }],
        "tremor-metric": ["1.875rem", { lineHeight: "2.25rem" }],
      },
    },
  },
  // Tremor builds chart colour classes at runtime from these names; Tailwind cannot see them in the source.
  safelist: [
    { pattern: /^(bg|text|border|ring|stroke|fill)-(slate|gray|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-(50|100|200|300|400|500|600|700|800|900|950)$/, variants: ["hover", "ui-selected"] },
  ],
  plugins: [],
};

export default config;
