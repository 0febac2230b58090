export { createSelectelSandbox } from "./create-selectel-sandbox";
export type { SelectelSandboxOptions } from "./create-selectel-sandbox";
export { regionOf } from "./region-of";
export { formatMoscowNaive, parseMoscowNaive } from "./moscow-time";
