language-choose = Выберите язык ответов / Choose the reply language:
language-saved = Done: the bot now answers in English in this chat.
language-not-saved = OK, answering in English. This chat is not linked to InfraZen, so the choice is not kept: link the chat and it will be remembered.
language-button-stale = This button is out of date: send /lang again.
language-admins-only = Only the chat's admins can change the group's language.
