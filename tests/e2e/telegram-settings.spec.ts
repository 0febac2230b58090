import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/accounts";

const SCREENSHOTS = "tests/.artifacts/screenshots";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

// The e2e server runs with a bot token, TELEGRAM_BOT_USERNAME=infrazen_e2e_bot and a Bot API root on a closed
// loopback port (playwright.config.ts): codes and links work, nothing leaves the machine.
test("Settings → Telegram: a private-chat code with its t.me link, and a group code for admins", async ({ page }) => {
  await signUp(page, { name: "Ольга", email: uniqueEmail("olga"), company: "Телеграм и партнёры" });
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await page.goto("/ru/settings");

  const card = page.getByTestId("telegram-card");
  await expect(card.getByRole("heading", { name: "Telegram" })).toBeVisible();
  await expect(card.getByTestId("telegram-bot")).toContainText("Бот: @infrazen_e2e_bot");
  await expect(card.getByTestId("telegram-private")).toContainText("Telegram ещё не подключён.");
  await expect(card.getByTestId("telegram-groups")).toContainText("Групповых чатов пока нет.");

  await card.getByRole("button", { name: "Подключить Telegram" }).click();
  const command = card.getByTestId("telegram-code-user").getByTestId("telegram-command");
  await expect(command).toHaveText(/^\/start [A-HJKMNP-Z2-9]{10}$/);
  const code = (await command.textContent())!.replace("/start ", "");
  await expect(card.getByTestId("telegram-deep-link")).toHaveAttribute("href", `https://t.me/infrazen_e2e_bot?start=${code}`);
  await expect(card.getByTestId("telegram-deep-link")).toHaveText("Открыть в Telegram");
  await expect(card.getByTestId("telegram-code-expires")).toContainText("Код одноразовый и действует до");
  await card.scrollIntoViewIfNeeded();
  await shot(page, "settings-telegram-connect");

  await card.getByRole("button", { name: "Связать групповой чат" }).click();
  await card.getByRole("button", { name: "Получить код" }).click();
  const groupCommand = card.getByTestId("telegram-code-group").getByTestId("telegram-command");
  await expect(groupCommand).toHaveText(/^\/link [A-HJKMNP-Z2-9]{10}$/);
  await expect(card.getByTestId("telegram-code-group")).toContainText("Добавьте бота в группу и в течение 10 минут отправьте туда сообщение:");
  await shot(page, "settings-telegram-group-code");
});
