forecast-title = <b>Прогноз на { $month }</b> · { $scope }
forecast-amount = К концу месяца: <b>{ $amount }</b>
forecast-no-data = Данных о расходах нет — прогнозировать не из чего.
forecast-month-to-date = С начала месяца ({ $range }): { $amount }
forecast-previous-month = Прошлый месяц ({ $month }): { $amount }
forecast-rule = Как считаем: полные дни месяца по счетам + средний расход за последние { $baseDays } полных дней × { $daysLeft } { $daysLeft ->
    [one] день
    [few] дня
   *[many] дней
} до конца месяца, включая сегодня (как на дашборде).
