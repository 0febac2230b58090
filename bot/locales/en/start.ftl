start-welcome =
    Hello! I am the InfraZen bot: I answer questions about your cloud costs and send the alerts that matter.
    To link this chat to your account, open InfraZen → Settings → Telegram → "Connect Telegram" and follow the link, or send /start <code> here.
start-linked =
    Done! This chat is linked to the organization "{ $organization }" and I answer with your permissions.
    Commands: /help.
start-already-linked = This chat is already linked to the organization "{ $organization }". Commands: /help.
start-in-group = In a group, use /link <code>: an organization admin creates the code in InfraZen Settings → Telegram.
