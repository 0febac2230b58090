export { createOpenStackSandbox } from "./create-openstack-sandbox";
export type { OpenStackSandboxOptions } from "./create-openstack-sandbox";
export { regionOf } from "./region-of";
