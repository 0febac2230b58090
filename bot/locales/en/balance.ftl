balance-title = <b>Balances</b>
balance-line = { $mark }{ $name } ({ $provider }): { $amount } — { $days ->
    [one] 1 day
   *[other] { $days } days
} until suspension
balance-line-no-days = { $name } ({ $provider }): { $amount } — days until suspension unknown
balance-line-unknown = { $name } ({ $provider }): no balance information
balance-no-connections = No connections.
