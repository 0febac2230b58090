# /cost. The cost-scope-* keys also label /forecast.
cost-title = <b>Spend { $period ->
    [today] today
    [week] over 7 days
   *[month] this month
}</b> · { $scope }
cost-total = { $range }: <b>{ $amount }</b>
cost-change = { $change } { $period ->
    [today] vs yesterday
    [week] vs the previous 7 days
   *[month] vs the same days at the start of last month
} ({ $previousRange }: { $previous })
cost-no-previous = Nothing to compare with: no spend { $period ->
    [today] yesterday
    [week] in the previous 7 days
   *[month] in the same days at the start of last month
} ({ $previousRange }).
cost-no-spend = No spend in this period.
cost-services-title = Top services:
cost-service-line = { $rank }. { $service } — { $amount }
cost-service-none = no service
cost-scope-all = all connections
cost-scope-none = no connections available
cost-scope-projects = projects: { $projects }
cost-connection-unknown = No single connection matches "{ $name }". Available: { $names }.
cost-button-today = Today
cost-button-week = 7 days
cost-button-month = Month
cost-button-all = All connections
cost-button-stale = This button is out of date: send /cost again.
cost-button-refused = This connection is not available in this chat.
