zombies-title = <b>Zombies and orphans</b>
zombies-none = Nothing found: no deleted resources still billed, no orphans.
zombies-section-zombie = <b>Zombies</b> — deleted in the cloud but still billed:
zombies-section-orphan = <b>Orphans</b> — volumes attached to no server:
zombies-connection = { $connection } ({ $amount } a month):
zombies-item = • { $name } — { $amount } a month
zombies-total = Total: <b>{ $amount } a month</b>
