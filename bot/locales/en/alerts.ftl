alerts-sync-failed =
    ❌ <b>Sync failed</b>: { $connection }
    { $detail }
    Further failures stay quiet until a sync succeeds again.
alerts-sync-failed-no-detail = The provider gave no reason.
alerts-sync-partial =
    ⚠️ <b>Sync partly done</b>: { $connection }
    { $detail }
alerts-sync-partial-no-detail = Some of the data did not load.
alerts-open-connection = Open the connection
alerts-new-zombies = 🧟 <b>New unused resources</b> in { $connection }: { $count }
alerts-new-zombies-zombie-heading = Deleted but still billed:
alerts-new-zombies-orphan-heading = Attached to nothing:
alerts-new-zombies-line = • { $name } — { $cost } a month
alerts-new-zombies-total = Total: { $total } a month
alerts-open-resources = Open resources
alerts-spend-anomaly =
    📈 <b>Unusual spend on { $day }</b>
    { $spend } — { $ratio } times the median of the 14 days before ({ $median }).
alerts-open-costs = Open costs
alerts-low-balance =
    🪫 <b>Balance running low</b>: { $connection }
    { $balance } left — lasts about { $days } days (under { $threshold } days).
alerts-low-balance-no-amount =
    🪫 <b>Balance running low</b>: { $connection }
    Lasts about { $days } days (under { $threshold } days).

alerts-settings =
    <b>Alerts in this chat</b>
    Tap an alert to turn it on or off.
alerts-settings-group = In a group, chat admins change them.
alerts-kind-sync_failed = Sync failed
alerts-kind-sync_partial = Sync partly done
alerts-kind-new_zombies = New unused resources
alerts-kind-spend_anomaly = Daily spend spike
alerts-kind-low_balance = Balance under 14 / 7 / 3 days
alerts-kind-weekly_digest = Monday digest
alerts-button-on = ✅ { $kind }
alerts-button-off = 🔕 { $kind }
alerts-turned-on = Turned on: { $kind }
alerts-turned-off = Turned off: { $kind }
alerts-admins-only = Only the chat's admins change the group's alerts.
alerts-unknown-button = This button is outdated: send /alerts again.
