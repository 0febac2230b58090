import type { ProviderManifest } from "../contract";
import type { SelectelCredentials } from "./selectel-credentials";
import { selectelCredentialsSchema } from "./selectel-credentials";

export const selectelManifest: ProviderManifest<SelectelCredentials> = {
  id: "selectel",
  displayName: "Selectel",
  logo: "/providers/selectel.svg",
  description: {
    ru: "Облачная платформа Selectel: биллинг по объектам, баланс и прогноз, серверы, диски и сети всех проектов и регионов, загрузка CPU и памяти.",
    en: "Selectel cloud platform: per-object billing, balance and forecast, servers, volumes and networks of every project and region, CPU and memory load.",
  },
  credentialsSchema: selectelCredentialsSchema,
  billingDayOffsetMinutes: 180,
  credentialFields: [
    {
      key: "apiKey",
      label: { ru: "API-ключ (X-Token)", en: "API key (X-Token)" },
      type: "password",
      secret: true,
      required: false,
      help: {
        ru: "Панель управления → Профиль → API-ключи. Достаточно ключа либо сервисного пользователя.",
        en: "Control panel → Profile → API keys. Either the key or a service user is enough.",
      },
    },
    {
      key: "accountId",
      label: { ru: "Номер аккаунта", en: "Account number" },
      type: "text",
      secret: false,
      required: false,
      placeholder: "123456",
      help: { ru: "Нужен для сервисного пользователя: это его домен в Keystone.", en: "Needed for a service user: it is the user's Keystone domain." },
    },
    {
      key: "serviceUserName",
      label: { ru: "Сервисный пользователь", en: "Service user" },
      type: "text",
      secret: false,
      required: false,
      help: {
        ru: "Пользователь с ролями просмотра биллинга и проектов (Управление доступом → Сервисные пользователи).",
        en: "A user with billing and project viewer roles (Access control → Service users).",
      },
    },
    {
      key: "serviceUserPassword",
      label: { ru: "Пароль сервисного пользователя", en: "Service user password" },
      type: "password",
      secret: true,
      required: false,
    },
  ],
  endpoints: {
    identity: { label: { ru: "Keystone (Identity v3)", en: "Keystone (Identity v3)" }, defaultUrl: "https://cloud.api.selcloud.ru/identity/v3" },
    api: { label: { ru: "API Selectel (биллинг, resell)", en: "Selectel API (billing, resell)" }, defaultUrl: "https://api.selectel.ru" },
    openstack: {
      label: {
        ru: "Шаблон адреса OpenStack, если в токене нет каталога ({region} подставляется)",
        en: "OpenStack URL pattern when a token carries no catalog ({region} is filled in)",
      },
      defaultUrl: "https://{region}.cloud.api.selcloud.ru",
    },
  },
  capabilities: ["billing", "inventory", "balance", "usage"],
};
