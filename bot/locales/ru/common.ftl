errors-generic = Не получилось выполнить команду. Попробуйте ещё раз через минуту.
errors-no-access = Нет доступа: у пользователя, связавшего этот чат, больше нет прав на данные организации. Свяжите чат заново в настройках InfraZen.
errors-not-linked-private = Этот чат ещё не связан с InfraZen. Откройте Настройки → «Подключить Telegram» и перейдите по ссылке или отправьте /start <код>.
errors-not-linked-group = Эта группа ещё не связана с InfraZen. Администратор организации создаёт код в Настройках → Telegram и отправляет сюда /link <код>.
errors-stale-button = Эта кнопка больше не действует: отправьте команду ещё раз.
# The last line of a list cut short (to stay within one Telegram message or a per-group cap).
list-more = • …и ещё { $count }
