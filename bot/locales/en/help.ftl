help-title = <b>InfraZen on Telegram</b>
help-commands =
    /cost [today|week|month] [connection] — spend for a period, the change against the previous one, top services
    /top [n] — the most expensive resources over 30 days (10 by default, at most 25)
    /forecast — month-end spend forecast
    /balance — balances and days until suspension per connection
    /zombies — zombie and orphan resources with their monthly cost
    /sync [connection] — start a sync and follow its progress
    /alerts — which alerts this chat receives
    /lang — reply language: русский or English
    /help — this help
help-private =
    Answers use your permissions in the organization.
    To link this chat: Settings → "Connect Telegram", or /start &lt;code&gt;. /unlink unlinks it.
help-group =
    This group sees only the connections and projects chosen when it was linked; every member sees the answers.
    /link &lt;code&gt; — link the group to an organization (an admin creates the code in Settings → Telegram).
    /unlink — unlink the group.
