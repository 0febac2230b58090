balance-title = <b>Балансы</b>
balance-line = { $mark }{ $name } ({ $provider }): { $amount } — { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
} до приостановки
balance-line-no-days = { $name } ({ $provider }): { $amount } — срок до приостановки неизвестен
balance-line-unknown = { $name } ({ $provider }): нет данных о балансе
balance-no-connections = Подключений нет.
