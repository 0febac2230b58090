forecast-title = <b>Forecast for { $month }</b> · { $scope }
forecast-amount = By month end: <b>{ $amount }</b>
forecast-no-data = No cost data to forecast from.
forecast-month-to-date = Month to date ({ $range }): { $amount }
forecast-previous-month = Last month ({ $month }): { $amount }
forecast-rule = How: the month's complete days as billed + the average of the last { $baseDays } complete days × { $daysLeft ->
    [one] 1 day
   *[other] { $daysLeft } days
} left including today (as on the dashboard).
