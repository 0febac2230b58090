import type { SandboxScenario } from "../scenario";
import type { SandboxRouter } from "../http/sandbox-handler";
import { json } from "../http/sandbox-handler";
import type { ApiGuard } from "./api-auth";
import type { IndexedObject } from "./billing-index";
import { parseConsumptionQuery, parseLocale, parseProviderKeys } from "./consumption-params";
import { buildConsumptionRows } from "./consumption-rows";
import { typeNameOf } from "./object-types";
import { selectelError } from "./selectel-error";

interface StatisticDeps {
  scenario: SandboxScenario;
  objects: IndexedObject[];
  now: () => Date;
  guard: ApiGuard;
  /** Mount path of the sandbox ("" on a bare server). */
  prefix: string;
}

/** Billing Statistics API v1 under `/v1/cloud_billing/statistic`. */
export function addBillingStatisticRoutes(router: SandboxRouter, { scenario, objects, now, guard, prefix }: StatisticDeps): void {
  const base = `${prefix}/v1/cloud_billing/statistic`;
  router.on("GET", `${base}/consumption`, (request, _params, url) => {
    const denied = guard(request);
    if (denied) return denied;
    const query = parseConsumptionQuery(url.searchParams);
    if (typeof query === "string") return selectelError(400, query);
    return json({ status: "success", data: buildConsumptionRows(scenario.account.id, objects, query, now().getTime()) });
  });

  router.on("GET", `${base}/projects`, (request, _params, url) => {
    const denied = guard(request);
    if (denied) return denied;
    const keys = parseProviderKeys(url.searchParams);
    if (typeof keys === "string") return selectelError(400, keys);
    const billed = new Set(objects.filter((object) => keys.has(object.providerKey)).map((object) => object.source.projectId));
    const data = scenario.projects.filter((project) => billed.has(project.id)).map(({ id, name }) => ({ id, name }));
    return json({ status: "success", data });
  });

  router.on("GET", `${base}/objects`, (request, _params, url) => {
    const denied = guard(request);
    if (denied) return denied;
    const keys = parseProviderKeys(url.searchParams);
    if (typeof keys === "string") return selectelError(400, keys);
    const locale = parseLocale(url.searchParams);
    if (typeof locale === "string") return selectelError(400, locale);
    const data = objects
      .filter((object) => keys.has(object.providerKey))
      .map(({ source }) => ({
        id: source.id,
        name: source.name,
        parent_id: source.parentId ?? null,
        project_id: source.projectId,
        type: source.type,
        type_name: typeNameOf(source.type, locale.value, source.typeName),
      }));
    return json({ status: "success", data });
  });
}
