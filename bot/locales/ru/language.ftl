language-choose = Выберите язык ответов / Choose the reply language:
language-saved = Готово: бот отвечает в этом чате по-русски.
language-not-saved = Хорошо, отвечаю по-русски. Чат не связан с InfraZen, поэтому язык не сохранится: свяжите чат, и выбор будет запоминаться.
language-button-stale = Кнопка устарела — отправьте /lang ещё раз.
language-admins-only = Язык группы меняют только администраторы чата.
