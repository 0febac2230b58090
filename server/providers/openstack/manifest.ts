import type { ProviderManifest } from "../contract";
import { openstackCredentialsSchema } from "./credentials";
import { rateCardSchema } from "./rate-card";

export const manifest: ProviderManifest = {
  id: "openstack",
  displayName: "OpenStack",
  logo: "/providers/openstack.svg",
  description: {
    ru: "Любое облако на OpenStack (Keystone v3, Nova, Cinder, Neutron; загрузка CPU и памяти из Gnocchi, если он есть). Стоимость считается по вашему тарифу.",
    en: "Any OpenStack cloud (Keystone v3, Nova, Cinder, Neutron; CPU and memory load from Gnocchi when the cloud has it). Costs come from your own rate card.",
  },
  credentialsSchema: openstackCredentialsSchema,
  credentialFields: [
    {
      key: "authUrl",
      label: { ru: "Адрес Keystone", en: "Keystone URL" },
      type: "url",
      secret: false,
      required: true,
      placeholder: "https://keystone.example.com:5000/v3",
      help: { ru: "OS_AUTH_URL из вашего openrc", en: "OS_AUTH_URL from your openrc" },
    },
    { key: "username", label: { ru: "Пользователь", en: "Username" }, type: "text", secret: false, required: true },
    { key: "password", label: { ru: "Пароль", en: "Password" }, type: "password", secret: true, required: true },
    { key: "userDomain", label: { ru: "Домен пользователя", en: "User domain" }, type: "text", secret: false, required: false, placeholder: "Default" },
    {
      key: "projectName",
      label: { ru: "Проект (имя)", en: "Project name" },
      type: "text",
      secret: false,
      required: false,
      help: { ru: "Укажите имя или ID проекта", en: "Give the project name or its ID" },
    },
    { key: "projectId", label: { ru: "Проект (ID)", en: "Project ID" }, type: "text", secret: false, required: false },
    { key: "projectDomain", label: { ru: "Домен проекта", en: "Project domain" }, type: "text", secret: false, required: false, placeholder: "Default" },
  ],
  // The only endpoint is Keystone, and it comes with the credentials; the rest is in the token's catalog.
  endpoints: {},
  settingsSchema: rateCardSchema,
  capabilities: ["billing", "inventory", "usage"],
};
