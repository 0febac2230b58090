top-title = <b>Топ-{ $count } ресурсов за 30 дней</b> ({ $range })
top-range-30d = последние 30 дней
top-line = { $rank }. { $name } — { $amount } · { $connection }
top-none = За 30 дней расходов по ресурсам нет.
top-usage = Укажите число ресурсов от 1 до { $max }, например: /top 5
