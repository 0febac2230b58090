import { regionOf as openStackRegionOf } from "../openstack";

/** api.selectel.ru paths: billing, balance and resell serve the whole account, not a region. */
const ACCOUNT_API = /\/(?:v1\/cloud_billing|v2\/billing|v3\/balances|vpc\/resell)(?:\/|$)/;

/** For `withFaults`' downRegions: the OpenStack region of a request, or null for Keystone and the account API. */
export function regionOf(url: URL): string | null {
  return ACCOUNT_API.test(url.pathname) ? null : openStackRegionOf(url);
}
