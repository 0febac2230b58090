alerts-sync-failed =
    ❌ <b>Синхронизация не удалась</b>: { $connection }
    { $detail }
    Повторные сбои не присылаются, пока синхронизация снова не пройдёт успешно.
alerts-sync-failed-no-detail = Провайдер не сообщил причину.
alerts-sync-partial =
    ⚠️ <b>Синхронизация прошла частично</b>: { $connection }
    { $detail }
alerts-sync-partial-no-detail = Часть данных не загрузилась.
alerts-open-connection = Открыть подключение
alerts-new-zombies = 🧟 <b>Новые неиспользуемые ресурсы</b> в { $connection }: { $count }
alerts-new-zombies-zombie-heading = Удалены, но ещё тарифицируются:
alerts-new-zombies-orphan-heading = Ни к чему не подключены:
alerts-new-zombies-line = • { $name } — { $cost } в месяц
alerts-new-zombies-total = Итого: { $total } в месяц
alerts-open-resources = Открыть ресурсы
alerts-spend-anomaly =
    📈 <b>Необычные расходы за { $day }</b>
    { $spend } — в { $ratio } раза больше медианы за 14 дней до этого ({ $median }).
alerts-open-costs = Открыть расходы
alerts-low-balance =
    🪫 <b>Баланс заканчивается</b>: { $connection }
    Осталось { $balance } — хватит примерно на { $days } дн. (меньше { $threshold } дней).
alerts-low-balance-no-amount =
    🪫 <b>Баланс заканчивается</b>: { $connection }
    Хватит примерно на { $days } дн. (меньше { $threshold } дней).

alerts-settings =
    <b>Уведомления этого чата</b>
    Нажмите на уведомление, чтобы включить или выключить его.
alerts-settings-group = В группе их меняют администраторы чата.
alerts-kind-sync_failed = Сбой синхронизации
alerts-kind-sync_partial = Частичная синхронизация
alerts-kind-new_zombies = Новые неиспользуемые ресурсы
alerts-kind-spend_anomaly = Всплеск расходов за день
alerts-kind-low_balance = Баланс меньше 14 / 7 / 3 дней
alerts-kind-weekly_digest = Сводка по понедельникам
alerts-button-on = ✅ { $kind }
alerts-button-off = 🔕 { $kind }
alerts-turned-on = Включено: { $kind }
alerts-turned-off = Выключено: { $kind }
alerts-admins-only = Уведомления группы меняют только администраторы чата.
alerts-unknown-button = Эта кнопка устарела: отправьте /alerts ещё раз.
