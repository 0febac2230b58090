top-title = <b>Top { $count } resources over 30 days</b> ({ $range })
top-range-30d = the last 30 days
top-line = { $rank }. { $name } — { $amount } · { $connection }
top-none = No resource spend in the last 30 days.
top-usage = Give a number of resources from 1 to { $max }, for example: /top 5
