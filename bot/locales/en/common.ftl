errors-generic = The command failed. Please try again in a minute.
errors-no-access = No access: whoever linked this chat can no longer see the organization's data. Link the chat again in InfraZen settings.
errors-not-linked-private = This chat is not linked to InfraZen yet. Open Settings → "Connect Telegram" and follow the link, or send /start <code>.
errors-not-linked-group = This group is not linked to InfraZen yet. An organization admin creates a code in Settings → Telegram and sends /link <code> here.
errors-stale-button = This button no longer works: send the command again.
# The last line of a list cut short (to stay within one Telegram message or a per-group cap).
list-more = • …and { $count } more
