import { expect, test } from "@playwright/test";
import { signUp, trpcCall, uniqueEmail } from "./support/accounts";

test("an invitation link brings a new colleague into the organization", async ({ page, browser }) => {
  await signUp(page, { name: "Владелец", email: uniqueEmail("owner"), company: "Команда Альфа" });
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await page.goto("/ru/settings");
  await page.getByLabel("Роль", { exact: true }).last().selectOption("finance");
  await page.getByTestId("create-invitation").click();
  const link = await page.getByTestId("invitation-link").textContent();
  expect(link).toMatch(/\/ru\/invite\/[\w-]+$/);

  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link!);
  await expect(guest.getByRole("heading")).toHaveText("Приглашение в «Команда Альфа»");
  await guest.getByRole("link", { name: "Создать аккаунт" }).click();
  await guest.waitForURL(/\/ru\/signup\?next=/);
  await signUp(guest, { name: "Финансист", email: uniqueEmail("finance"), company: "Своя", path: guest.url() });
  await expect(guest).toHaveURL(/\/ru\/invite\//);
  await guest.getByTestId("accept-invitation").click();
  await expect(guest).toHaveURL(/\/ru\/dashboard$/);
  await expect(guest.getByTestId("dashboard-org")).toHaveText("Команда Альфа");

  await page.reload();
  await expect(page.getByTestId("members-table")).toContainText("Финансист");
  await expect(page.getByTestId("members-table")).toContainText("Финансы");
});

test("another organization's data is refused over the API", async ({ page, browser }) => {
  await signUp(page, { name: "Алиса", email: uniqueEmail("alice"), company: "Org A" });
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  const members = await trpcCall(page, "organization.members");
  const aliceMembership = members.body.result.data.json[0].id as string;

  const intruder = await (await browser.newContext()).newPage();
  await signUp(intruder, { name: "Мэллори", email: uniqueEmail("mallory"), company: "Org B" });
  await expect(intruder).toHaveURL(/\/ru\/dashboard$/);
  const removal = await trpcCall(intruder, "organization.removeMember", { membershipId: aliceMembership }, "POST");
  expect(removal.status).toBe(404);
  expect(removal.body.error.json.message).toBe("Not found.");
  const promotion = await trpcCall(intruder, "organization.changeMemberRole", { membershipId: aliceMembership, role: "viewer" }, "POST");
  expect(promotion.status).toBe(404);
  const intruderView = await trpcCall(intruder, "organization.members");
  expect(intruderView.body.result.data.json.map((member: { user: { name: string } }) => member.user.name)).toEqual(["Мэллори"]);

  const after = await trpcCall(page, "organization.members");
  expect(after.body.result.data.json).toEqual([expect.objectContaining({ id: aliceMembership, role: "owner" })]);

  const anonymous = await (await browser.newContext()).request.get(`${test.info().project.use.baseURL}/api/trpc/organization.members`);
  expect(anonymous.status()).toBe(401);
});

test("an owner hands the organization over to a member and becomes an admin", async ({ page, browser }) => {
  await signUp(page, { name: "Старый владелец", email: uniqueEmail("old-owner"), company: "Передача" });
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await page.goto("/ru/settings");
  await page.getByTestId("create-invitation").click();
  const link = await page.getByTestId("invitation-link").textContent();
  const heir = await (await browser.newContext()).newPage();
  await heir.goto(link!);
  await heir.getByRole("link", { name: "Создать аккаунт" }).click();
  await heir.waitForURL(/\/ru\/signup\?next=/);
  const heirEmail = uniqueEmail("heir");
  await signUp(heir, { name: "Наследник", email: heirEmail, company: "Своя", path: heir.url() });
  await heir.getByTestId("accept-invitation").click();
  await expect(heir).toHaveURL(/\/ru\/dashboard$/);

  await page.reload();
  const transfer = page.getByTestId("transfer-ownership");
  await transfer.getByLabel("Новый владелец").selectOption({ label: `Наследник (${heirEmail})` });
  await transfer.getByRole("button", { name: "Передать" }).click();
  await transfer.getByRole("button", { name: "Подтвердить" }).click();
  await expect(transfer).toHaveCount(0);
  const members = await trpcCall(page, "organization.members");
  const roles = Object.fromEntries(members.body.result.data.json.map((member: { role: string; user: { name: string } }) => [member.user.name, member.role]));
  expect(roles).toEqual({ "Старый владелец": "admin", "Наследник": "owner" });
});
