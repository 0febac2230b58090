# /cost. The cost-scope-* keys also label /forecast.
cost-title = <b>Расходы { $period ->
    [today] за сегодня
    [week] за 7 дней
   *[month] за месяц
}</b> · { $scope }
cost-total = { $range }: <b>{ $amount }</b>
cost-change = { $change } { $period ->
    [today] ко вчерашнему дню
    [week] к предыдущим 7 дням
   *[month] к тому же числу дней в начале прошлого месяца
} ({ $previousRange }: { $previous })
cost-no-previous = Сравнить не с чем: { $period ->
    [today] вчера
    [week] за предыдущие 7 дней
   *[month] за те же дни в начале прошлого месяца
} ({ $previousRange }) расходов не было.
cost-no-spend = Расходов за этот период нет.
cost-services-title = Топ сервисов:
cost-service-line = { $rank }. { $service } — { $amount }
cost-service-none = без сервиса
cost-scope-all = все подключения
cost-scope-none = нет доступных подключений
cost-scope-projects = проекты: { $projects }
cost-connection-unknown = Не нашлось одного подключения по запросу «{ $name }». Доступны: { $names }.
cost-button-today = Сегодня
cost-button-week = 7 дней
cost-button-month = Месяц
cost-button-all = Все подключения
cost-button-stale = Кнопка устарела — отправьте /cost ещё раз.
cost-button-refused = Это подключение недоступно в этом чате.
