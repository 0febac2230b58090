zombies-title = <b>Зомби и сироты</b>
zombies-none = Ничего не найдено: ни удалённых ресурсов в счёте, ни сирот.
zombies-section-zombie = <b>Зомби</b> — удалены в облаке, но всё ещё в счёте:
zombies-section-orphan = <b>Сироты</b> — диски, не подключённые ни к одному серверу:
zombies-connection = { $connection } ({ $amount } в месяц):
zombies-item = • { $name } — { $amount } в месяц
zombies-total = Итого: <b>{ $amount } в месяц</b>
