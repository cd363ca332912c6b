<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../ui/helpdialogs.cpp" line="+29"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Сочетание клавиш</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>PostgreSQL %1 on the server</source>
        <translation>PostgreSQL %1 на сервере</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not connected</source>
        <translation>нет подключения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About mvdash</source>
        <translation>О программе mvdash</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;mvdash %1&lt;/h3&gt;&lt;p&gt;The dashboard of an event-sourced betting platform&apos;s materialized views: tenant KPIs, top players and payments; refresh health, sizes and diagnostics; one user&apos;s balance and bets, and how fresh they are.&lt;/p&gt;&lt;p&gt;Qt %2 · libpq %3 · %4&lt;/p&gt;&lt;p&gt;mvdash is free software under the MIT licence. It uses Qt (LGPL 3), libpq (PostgreSQL licence), spdlog and fmt (MIT).&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%5&quot;&gt;%5&lt;/a&gt;&lt;/p&gt;</source>
        <extracomment>%1 version, %2 Qt version, %3 libpq version, %4 the server (or &quot;not connected&quot;)</extracomment>
        <translation>&lt;h3&gt;mvdash %1&lt;/h3&gt;&lt;p&gt;Панель мониторинга материализованных представлений платформы ставок, построенной на event sourcing: KPI арендаторов, топ игроков и платежи; состояние обновления, размеры и диагностика; баланс и ставки отдельного пользователя и насколько свежи эти данные.&lt;/p&gt;&lt;p&gt;Qt %2 · libpq %3 · %4&lt;/p&gt;&lt;p&gt;mvdash — свободное программное обеспечение под лицензией MIT. Используются Qt (LGPL 3), libpq (лицензия PostgreSQL), spdlog и fmt (MIT).&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%5&quot;&gt;%5&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mvdash::Admin</name>
    <message>
        <location filename="../../app/admin_main.cpp" line="+87"/>
        <location line="+563"/>
        <source>never</source>
        <extracomment>an age: never refreshed</extracomment>
        <translation>никогда</translation>
    </message>
    <message>
        <location line="-503"/>
        <source>no command given</source>
        <translation>не указана команда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown command: %1</source>
        <translation>неизвестная команда: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the read models and the engine are not (all) installed</source>
        <translation>модели чтения и движок не установлены (или установлены не полностью)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>nothing else can be checked</source>
        <translation>остальное проверить невозможно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run the doctor as the owner of the schema mvdash or a role granted mvdash_operator (a tenant administrator&apos;s role reads its tenants in the dashboard only)</source>
        <translation>запустите doctor от имени владельца схемы mvdash или роли с mvdash_operator (роль администратора арендатора читает свои арендаторы только в дашборде)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>check --dsn / the PG* variables, the server and pg_hba.conf</source>
        <translation>проверьте --dsn / переменные PG*, сервер и pg_hba.conf</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>     why: %1
</source>
        <extracomment>keep the indentation: &quot; why: &lt;why it matters&gt;&quot;</extracomment>
        <translation>     почему: %1
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>     fix: %1
</source>
        <extracomment>keep the indentation: &quot; fix: &lt;what to do&gt;&quot;</extracomment>
        <translation>     что делать: %1
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 ok, %3, %4
</source>
        <extracomment>the summary: &quot;&lt;n checks&gt;: &lt;n&gt; ok, &lt;n warnings&gt;, &lt;n failures&gt;&quot;</extracomment>
        <translation>%1: %2 OK, %3, %4
</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n проверка</numerusform>
            <numerusform>%n проверки</numerusform>
            <numerusform>%n проверок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes</source>
        <extracomment>a table cell: populated, has a unique key</extracomment>
        <translation>да</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unexpected argument: %1</source>
        <translation>лишний аргумент: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>database %1 is up to date
</source>
        <translation>база данных %1 уже в актуальном состоянии
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>applied %1
</source>
        <translation>применено: %1
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>made %1 again (it was missing)
</source>
        <extracomment>a read model that was missing, made again from its definition</extracomment>
        <translation>%1 создано заново (его не было)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is missing and cannot be made again: %2
</source>
        <extracomment>&quot;&lt;view&gt; is missing and cannot be made again: &lt;why, from the server&gt;&quot;</extracomment>
        <translation>%1 отсутствует, и создать его заново нельзя: %2
</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--%1 must be live or matview (got &apos;%2&apos;)</source>
        <extracomment>keep live and matview as they are (the option&apos;s values)</extracomment>
        <translation>значение --%1 должно быть live или matview (указано «%2»)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>convert needs --to live or --to matview</source>
        <extracomment>keep the command and the options as they are</extracomment>
        <translation>для convert нужно указать --to live или --to matview</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>refreshing the materialized views
</source>
        <translation>обновление материализованных представлений
</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the read models are materialized views here (matview mode): refresh rebuilds them; rebuild is for live mode</source>
        <extracomment>keep matview, refresh and rebuild as they are (a mode and commands)</extracomment>
        <translation>здесь модели чтения — материализованные представления (режим matview): их перестраивает refresh; rebuild — для режима live</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the read models are materialized views here (matview mode): nothing to follow; mvdash-admin convert --to live first</source>
        <extracomment>keep matview and the command as they are</extracomment>
        <translation>здесь модели чтения — материализованные представления (режим matview): для follow нечего применять; сначала выполните mvdash-admin convert --to live</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>-- the statements of a live step for the arrivals (%1, %2]

</source>
        <extracomment>keep &quot;-- &quot; (an SQL comment) and the interval (%1, %2] as they are</extracomment>
        <translation>-- операторы шага live для поступлений (%1, %2]

</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>--%1 must be a whole number from %2 to %3 (got &apos;%4&apos;)</source>
        <translation>значение --%1 должно быть целым числом от %2 до %3 (указано «%4»)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>--%1 must be from %2 to %3, with its unit: ms, s, min or h (got &apos;%4&apos;)</source>
        <extracomment>&quot;--lag must be from 1s to 24h, with its unit ...&quot;; keep the units ms, s, min and h as they are (what the option accepts)</extracomment>
        <translation>значение --%1 должно быть от %2 до %3, с единицей измерения: ms, s, min или h (указано «%4»)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>seeded %1 for %2 in %3 s (%4 events/s)
</source>
        <extracomment>&quot;seeded &lt;n events&gt; for &lt;n tenants&gt; in &lt;seconds&gt; s (&lt;rate&gt; events/s)&quot;</extracomment>
        <translation>заполнено демо-данными: %1, %2, за %3 с (%4 событий/с)
</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n арендатор</numerusform>
            <numerusform>%n арендатора</numerusform>
            <numerusform>%n арендаторов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>role %1 may not refresh the read models</source>
        <extracomment>%1 the database role</extracomment>
        <translation>роль %1 не может обновлять модели чтения</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>started
</source>
        <extracomment>a view&apos;s refresh has started (other sessions print their lines meanwhile)</extracomment>
        <translation>начато
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ok in %1 ms
</source>
        <translation>успешно за %1 мс
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped: %1
</source>
        <translation>пропущено: %1
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FAILED: %1
</source>
        <translation>ОШИБКА: %1
</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1, %2 failed, %3 skipped
</source>
        <extracomment>&quot;&lt;n views refreshed&gt;, &lt;n&gt; failed, &lt;n&gt; skipped&quot;</extracomment>
        <translation>%1, с ошибкой: %2, пропущено: %3
</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n view(s) refreshed</source>
        <translation>
            <numerusform>обновлено %n представление</numerusform>
            <numerusform>обновлено %n представления</numerusform>
            <numerusform>обновлено %n представлений</numerusform>
        </translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+66"/>
        <source>view</source>
        <extracomment>the status table&apos;s column headers
----------
the sizes table&apos;s column headers</extracomment>
        <translation>представление</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+67"/>
        <source>populated</source>
        <translation>заполнено</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>method</source>
        <translation>метод</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>size</source>
        <translation>размер</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+67"/>
        <source>rows (est.)</source>
        <translation>строк (оценка)</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>last refresh (UTC)</source>
        <translation>последнее обновление (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>age</source>
        <translation>возраст</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>avg ms</source>
        <translation>сред. мс</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>last ms</source>
        <translation>посл. мс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count</source>
        <translation>кол-во</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>last error</source>
        <translation>последняя ошибка</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+67"/>
        <source>NO</source>
        <translation>НЕТ</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>live read models: watermark %1 of %2, %3, %4 s; last step %5 ms%6</source>
        <extracomment>&quot;live read models: watermark &lt;arrival&gt; of &lt;arrival&gt;, &lt;n events behind&gt;, &lt;seconds&gt; s; last step &lt;ms&gt; ms[; held back by &lt;session&gt;]&quot;</extracomment>
        <translation>модели чтения live: водяной знак %1 из %2, %3, %4 с; последний шаг %5 мс%6</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n event(s) behind</source>
        <translation>
            <numerusform>отставание %n событие</numerusform>
            <numerusform>отставание %n события</numerusform>
            <numerusform>отставание %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; held back by %1</source>
        <translation>; задерживает %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>total</source>
        <translation>всего</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>table</source>
        <translation>таблица</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>indexes</source>
        <translation>индексы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>#idx</source>
        <translation>кол-во инд.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unique key</source>
        <translation>уникальный ключ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of events</source>
        <translation>доля от событий</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all views: %1 of %2 event tables = %3 (the guide expects 10-30%)
</source>
        <translation>все представления: %1 при %2 в таблицах событий = %3 (по руководству ожидается 10-30%)
</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>TENANT_ID must be a non-negative whole number</source>
        <extracomment>keep TENANT_ID as it is (the argument&apos;s name in --help)</extracomment>
        <translation>TENANT_ID должен быть неотрицательным целым числом</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+25"/>
        <source>usage: %1</source>
        <extracomment>keep the command line as it is</extracomment>
        <translation>использование: %1</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>%1 exists already: kept
</source>
        <extracomment>%1 a per-tenant copy: tenant-view create kept the one there (rebuilt only when its base&apos;s columns changed)</extracomment>
        <translation>%1 уже существует: оставлено как есть
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>created %1
</source>
        <extracomment>&quot;created &lt;view&gt;&quot;</extracomment>
        <translation>создано: %1
</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>dropped %1
</source>
        <extracomment>&quot;dropped &lt;view&gt;&quot;</extracomment>
        <translation>удалено: %1
</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>role</source>
        <extracomment>the tenant-grants table&apos;s column headers; &quot;also read by&quot;: the login roles that inherit a group role&apos;s grant</extracomment>
        <translation>роль</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tenant</source>
        <translation>арендатор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>granted (UTC)</source>
        <translation>выдано (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by</source>
        <translation>кем</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>also read by</source>
        <translation>также читают</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (dropped)</source>
        <extracomment>a role that no longer exists: &quot;&lt;role&gt; (dropped)&quot;</extracomment>
        <translation>%1 (удалена)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2 rows, replay %3 rows: %4
</source>
        <extracomment>&quot;&lt;view&gt; &lt;n&gt; rows, replay &lt;n&gt; rows: ok|&lt;n differences&gt;&quot; (the figures aligned)</extracomment>
        <translation>%1 строк: %2, при воспроизведении: %3 — %4
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ok</source>
        <extracomment>verify: the view matches the replay</extracomment>
        <translation>совпадает</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n расхождение</numerusform>
            <numerusform>%n расхождения</numerusform>
            <numerusform>%n расхождений</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>demo makes and uses its own private cluster (--dir): it takes no --dsn, and writes no made-up events to another database</source>
        <extracomment>keep the option names as they are</extracomment>
        <translation>demo создаёт и использует собственный частный кластер (--dir): --dsn не принимается, и выдуманные события в другую базу данных не пишутся</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>writing about %1 events/s, a follower applying them every second, until stopped (Ctrl-C)</source>
        <translation>запись около %1 событий/с до остановки (Ctrl-C); процесс follow применяет их каждую секунду</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>writing about %1 events/s (matview mode: refresh to see them) until stopped (Ctrl-C)</source>
        <translation>запись около %1 событий/с (режим matview: чтобы их увидеть, выполните обновление) до остановки (Ctrl-C)</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>wrote %n event(s)</source>
        <translation>
            <numerusform>записано %n событие</numerusform>
            <numerusform>записано %n события</numerusform>
            <numerusform>записано %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Administers the materialized views of an mvdash database.

Commands:
  migrate                        apply the bundled migrations
  seed [--events N] [--seed S]   append generated demo events
  refresh [VIEW...] [--jobs N]   refresh all views (dependencies first) or the named ones,
                                 independent views on N sessions side by side (default 2)
  status [--json]                per view: populated, rows, size, last refresh, timings
  sizes [--json]                 per view sizes and their share of the event tables
  tenant-view create|drop VIEW TENANT_ID   a per-tenant copy of a view
  grant-tenant ROLE TENANT_ID    let a tenant administrator&apos;s role read that tenant
                                 (and nothing else: tenant-scoped views, no ops)
  revoke-tenant ROLE TENANT_ID   take that back
  tenant-grants                  list who may read which tenant
  verify                         compare every view with a replay of the events
  demo [--events N] [--citus] [--live] [--traffic N/s]
                                 start (or reuse) the private demo database, print its DSN;
                                 --traffic: then keep new events flowing until stopped
  convert --to live|matview [--jobs N]
                                 switch the read models&apos; mode online (readers keep reading)
  follow [--interval 2s]         live mode: apply new events continuously (until SIGTERM)
  rebuild [--jobs N]             live mode: recompute the live read models from all events
                                 (on N sessions side by side, plain PostgreSQL; default 2)
  explain-step                   live mode: the plan of every statement of a step
  list-views                     the names refresh accepts, one per line (scripts)
  doctor [--json] [--problems] [--tenant T] [--verbose] [--schedule 5min] [--slow 500ms]
                                 check the read models, refreshes, schedule, storage,
                                 Citus and privileges; what is wrong and what to do
                                 (exit 0 ok, 1 warnings, 3 failures)

migrate --read-models live|matview also sets the mode (default: keep it; new databases start in matview).

Connection: --dsn (key=value or postgresql:// URI), else the PG* variables, the service
file and ~/.pgpass, as libpq does. Passwords are never accepted on the command line.</source>
        <extracomment>--help: keep the command names, the options (--json...), VIEW, TENANT_ID, ROLE, N, live|matview, the exit codes and the column alignment as they are</extracomment>
        <translation>Администрирование материализованных представлений базы данных mvdash.

Команды:
  migrate                        применить миграции из комплекта поставки
  seed [--events N] [--seed S]   добавить сгенерированные демо-события
  refresh [VIEW...] [--jobs N]   обновить все представления (сначала зависимости) или указанные,
                                 независимые — параллельно в N сеансах (по умолчанию 2)
  status [--json]                по представлениям: заполнение, строки, размер, обновление, время
  sizes [--json]                 размеры представлений и их доля от таблиц событий
  tenant-view create|drop VIEW TENANT_ID   копия представления для арендатора
  grant-tenant ROLE TENANT_ID    разрешить роли администратора арендатора читать этого арендатора
                                 (и ничего больше: представления арендатора, без обслуживания)
  revoke-tenant ROLE TENANT_ID   отозвать это разрешение
  tenant-grants                  показать, кто каких арендаторов может читать
  verify                         сравнить каждое представление с воспроизведением событий
  demo [--events N] [--citus] [--live] [--traffic N/s]
                                 запустить (или взять готовую) личную демо-базу, вывести её DSN;
                                 --traffic: затем подавать новые события до остановки
  convert --to live|matview [--jobs N]
                                 переключить режим моделей чтения онлайн (чтение не прерывается)
  follow [--interval 2s]         режим live: непрерывно применять новые события (до SIGTERM)
  rebuild [--jobs N]             режим live: пересчитать модели чтения live по всем событиям
                                 (в N сеансах параллельно, обычный PostgreSQL; по умолчанию 2)
  explain-step                   режим live: план каждого оператора шага
  list-views                     имена, принимаемые refresh, по одному в строке (для скриптов)
  doctor [--json] [--problems] [--tenant T] [--verbose] [--schedule 5min] [--slow 500ms]
                                 проверить модели чтения, обновления, расписание, хранение,
                                 Citus и права; показать, что не так и что делать
                                 (код выхода: 0 — всё в порядке, 1 — предупреждения, 3 — ошибки)

migrate --read-models live|matview также задаёт режим (по умолчанию прежний; новые базы — matview).

Подключение: --dsn (key=value или URI postgresql://), иначе переменные PG*, файл служб
и ~/.pgpass, как в libpq. Пароли в командной строке не принимаются никогда.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Exit codes: 0 ok, 1 failed, 2 usage, 3 nothing refreshed (another refresh holds every
view), 4 the server rejected the password (not retried: each attempt counts toward
locking the account; a service manager should not restart on 4).</source>
        <extracomment>--help: the exit codes of every command but doctor; keep the numbers</extracomment>
        <translation>Коды выхода: 0 успех, 1 ошибка, 2 неверный вызов, 3 ничего не обновлено (все
представления держит другое обновление), 4 сервер отверг пароль (без повторов: каждая
попытка приближает блокировку учётной записи; менеджеру служб не перезапускать при 4).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>doctor: live mode: how long committed events may wait for a step before the read models are late (default 10s; stale at six times that).</source>
        <translation>doctor: режим live: сколько зафиксированные события могут ждать шага, прежде чем модели чтения считаются запаздывающими (по умолчанию 10s; устаревшими — вшестеро дольше).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>demo: then keep writing about N new events/s (and, in live mode, apply them) until stopped; 0 to 100000, as N or N/s.</source>
        <translation>demo: затем записывать около N новых событий/с (а в режиме live — применять их) до остановки; от 0 до 100000, в виде N или N/s.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>libpq connection string or URI.</source>
        <translation>Строка подключения libpq или URI.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Machine-readable output (status, sizes, doctor).</source>
        <translation>Машиночитаемый вывод (status, sizes, doctor).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>doctor: also the guide&apos;s check of one tenant&apos;s events against the views.</source>
        <translation>doctor: также проверка из руководства — сверка событий одного арендатора с представлениями.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>doctor: with the SQL behind each check.</source>
        <translation>doctor: с SQL-запросом каждой проверки.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>doctor: list only the checks that are not OK (the text; the JSON keeps them all).</source>
        <translation>doctor: показать только проверки, которые не OK (в тексте; в JSON остаются все).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>doctor: the refresh schedule&apos;s interval: 30s, 5min; 1s to 1440min (default 5min).</source>
        <translation>doctor: интервал расписания обновления: 30s, 5min; от 1s до 1440min (по умолчанию 5min).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>doctor: a refresh slower than this is reported (the guide&apos;s alert: 500ms, the default).</source>
        <translation>doctor: сообщать об обновлениях дольше этого значения (порог оповещения из руководства — 500ms, по умолчанию).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed, demo: how many events, 1 to 1000000000 (default 100000; demo 1000000).</source>
        <translation>seed, demo: число событий, от 1 до 1000000000 (по умолчанию 100000; для demo 1000000).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed: random seed, 0 to 18446744073709551615 (default 1).</source>
        <translation>seed: начальное значение генератора случайных чисел, от 0 до 18446744073709551615 (по умолчанию 1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refresh: give up waiting for a lock after this: 500ms, 10s, 2min, up to 2147483647ms; 0 = never (default 10s).</source>
        <translation>refresh: предельное время ожидания блокировки: 500ms, 10s, 2min, до 2147483647ms; 0 — без ограничения (по умолчанию 10s).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refresh: parallel sessions for independent views; rebuild, convert --to live: helper sessions of the build; 1 to 64 (default 2; 1 = one at a time).</source>
        <translation>refresh: параллельные сеансы для независимых представлений; rebuild, convert --to live: вспомогательные сеансы построения; от 1 до 64 (по умолчанию 2; 1 — по одному).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>demo: on a local Citus 13 cluster.</source>
        <translation>demo: на локальном кластере Citus 13.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo: cluster directory.</source>
        <translation>demo: каталог кластера.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo: put the read models in live mode.</source>
        <translation>demo: перевести модели чтения в режим live.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>verify: differences listed per view, 0 to 1000000 (default 20).</source>
        <translation>verify: сколько расхождений выводить по каждому представлению, от 0 до 1000000 (по умолчанию 20).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>migrate: live or matview, the read models&apos; mode.</source>
        <translation>migrate: live или matview — режим моделей чтения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>convert: live or matview.</source>
        <translation>convert: live или matview.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language of the messages: en or ru (default: the locale&apos;s).</source>
        <translation>Язык сообщений: en или ru (по умолчанию — из локали).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>follow: pause between steps: 500ms, 2s, 1min; 0 to 1h (default 2s).</source>
        <translation>follow: пауза между шагами: 500ms, 2s, 1min; от 0 до 1h (по умолчанию 2s).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>command</source>
        <extracomment>the placeholder of the command in the usage line and the argument list</extracomment>
        <translation>команда</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>migrate, seed, refresh, status, sizes, tenant-view, grant-tenant, revoke-tenant, tenant-grants, verify, demo, convert, follow, rebuild, explain-step, doctor, list-views</source>
        <extracomment>keep the command names as they are</extracomment>
        <translation>migrate, seed, refresh, status, sizes, tenant-view, grant-tenant, revoke-tenant, tenant-grants, verify, demo, convert, follow, rebuild, explain-step, doctor, list-views</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+14"/>
        <source>%1 (see --help)</source>
        <extracomment>a usage error: &quot;&lt;what is wrong&gt; (see --help)&quot;</extracomment>
        <translation>%1 (см. --help)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this role lacks the privileges of the command: status, sizes and verify need mvdash_reader; refresh, follow, rebuild and tenant-view need mvdash_operator; migrate, convert, grant-tenant and revoke-tenant need the owner of the schema mvdash. A tenant administrator&apos;s role reads its tenants in the dashboard only.</source>
        <extracomment>keep the command names, the roles (mvdash_reader, mvdash_operator) and the schema mvdash as they are</extracomment>
        <translation>у этой роли нет прав на эту команду: для status, sizes и verify нужна роль mvdash_reader; для refresh, follow, rebuild и tenant-view — mvdash_operator; для migrate, convert, grant-tenant и revoke-tenant — владелец схемы mvdash. Роль администратора арендатора читает данные своих арендаторов только в панели мониторинга.</translation>
    </message>
</context>
<context>
    <name>mvdash::Columns</name>
    <message>
        <location filename="../../models/items/paymentsmodel.cpp" line="+66"/>
        <location filename="../../models/items/userlookup.cpp" line="+52"/>
        <source>Payment</source>
        <translation>Платёж</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/playersmodel.cpp" line="+12"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+1"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+1"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../models/items/userlookup.cpp" line="+1"/>
        <source>Method</source>
        <extracomment>column title: payment method (card, bank transfer, ...)</extracomment>
        <translation>Способ</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../models/items/userlookup.cpp" line="+2"/>
        <source>External id</source>
        <extracomment>column title: the payment provider&apos;s id of the payment</extracomment>
        <translation>Внешний ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <extracomment>column title: payment type (deposit or withdrawal)</extracomment>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+13"/>
        <location filename="../../models/items/userlookup.cpp" line="-32"/>
        <location line="+33"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../models/items/userlookup.cpp" line="-26"/>
        <location line="+28"/>
        <source>Updated</source>
        <translation>Обновлено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated (ms)</source>
        <extracomment>column title: last update as epoch milliseconds</extracomment>
        <translation>Обновлено (мс)</translation>
    </message>
    <message>
        <location filename="../../models/items/playersmodel.cpp" line="-1"/>
        <source>#</source>
        <extracomment>column title: the player&apos;s rank</extracomment>
        <translation>№</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+4"/>
        <location filename="../../models/items/userlookup.cpp" line="+35"/>
        <source>Bets</source>
        <translation>Ставки</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+1"/>
        <source>Wagered</source>
        <translation>Поставлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+1"/>
        <source>Winnings</source>
        <translation>Выигрыши</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+9"/>
        <location filename="../../models/items/userlookup.cpp" line="-5"/>
        <source>Balance</source>
        <extracomment>column title: money on the players&apos; accounts</extracomment>
        <translation>Баланс</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+8"/>
        <source>Last activity</source>
        <translation>Последняя активность</translation>
    </message>
    <message>
        <location filename="../../models/items/tenantcopiesmodel.cpp" line="+13"/>
        <source>Copy</source>
        <extracomment>column title: a per-tenant copy of a read model (noun)</extracomment>
        <translation>Копия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Of</source>
        <extracomment>column title: the read model a per-tenant copy is a copy of</extracomment>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="-16"/>
        <source>Tenant</source>
        <translation>Арендатор</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+19"/>
        <source>Tenant id</source>
        <translation>ID арендатора</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last refresh</source>
        <translation>Последнее обновление</translation>
    </message>
    <message>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="-17"/>
        <source>Slug</source>
        <extracomment>column title: the tenant&apos;s short URL-safe name</extracomment>
        <translation>Короткое имя</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plan</source>
        <extracomment>column title: the tenant&apos;s subscription plan</extracomment>
        <translation>Тариф</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active bets</source>
        <translation>Активные ставки</translation>
    </message>
    <message>
        <location filename="../../models/items/userlookup.cpp" line="-80"/>
        <source>Stake</source>
        <extracomment>column title: the money staked on one bet</extracomment>
        <translation>Ставка</translation>
    </message>
    <message>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+2"/>
        <source>Total stake</source>
        <extracomment>column title: money staked on bets</extracomment>
        <translation>Сумма ставок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits</source>
        <translation>Депозиты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawals</source>
        <translation>Выводы средств</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data as of</source>
        <extracomment>column title: when the tenant&apos;s figures were last refreshed</extracomment>
        <translation>Данные на</translation>
    </message>
    <message>
        <location filename="../../models/items/userlookup.cpp" line="-2"/>
        <source>Bet</source>
        <translation>№ ставки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Odds</source>
        <extracomment>column title: the betting odds of a bet</extracomment>
        <translation>Коэффициент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixture</source>
        <extracomment>column title: the sports event a bet is on</extracomment>
        <translation>Матч</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Result</source>
        <extracomment>column title: how a bet ended (won, lost, ...)</extracomment>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payout</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Transactions</source>
        <translation>Транзакции</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deposited</source>
        <translation>Внесено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Выведено</translation>
    </message>
</context>
<context>
    <name>mvdash::ConnectionDialog</name>
    <message>
        <location filename="../../ui/connectiondialog.cpp" line="+23"/>
        <source>Connect to a database</source>
        <translation>Подключение к базе данных</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(new connection)</source>
        <extracomment>the first entry of the profile list: a connection not saved as a profile</extracomment>
        <translation>(новое подключение)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from PGHOST, or the local socket</source>
        <translation>из PGHOST, иначе локальный сокет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from PGDATABASE, or the user name</source>
        <translation>из PGDATABASE, иначе имя пользователя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from PGUSER, or your login</source>
        <translation>из PGUSER, иначе ваш логин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from ~/.pgpass or PGPASSWORD</source>
        <translation>из ~/.pgpass или PGPASSWORD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a section of ~/.pg_service.conf</source>
        <translation>секция из ~/.pg_service.conf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile</source>
        <extracomment>a saved connection profile</extracomment>
        <translation>Профиль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Хост</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL mode</source>
        <translation>Режим SSL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service</source>
        <extracomment>a libpq service name (pg_service.conf)</extracomment>
        <translation>Служба</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passwords are never stored by mvdash: one typed here is kept in memory for this connection only (not in a profile, the settings or the log); otherwise libpq reads it from ~/.pgpass, the service file or PGPASSWORD.</source>
        <translation>mvdash никогда не сохраняет пароли: введённый здесь хранится в памяти только для этого подключения (не в профиле, не в настройках и не в журнале); иначе libpq берёт его из ~/.pgpass, файла служб или PGPASSWORD.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save profile…</source>
        <translation>Сохранить профиль…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete profile</source>
        <translation>Удалить профиль</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save profile</source>
        <translation>Сохранить профиль</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Name</source>
        <extracomment>the label of the profile&apos;s name, asked for when saving it</extracomment>
        <translation>Имя</translation>
    </message>
</context>
<context>
    <name>mvdash::ConnectionSettings</name>
    <message>
        <location filename="../../models/db/connectionsettings.cpp" line="+17"/>
        <source>malformed DSN: %1</source>
        <extracomment>&quot;malformed DSN: &lt;libpq&apos;s message&gt;&quot;</extracomment>
        <translation>некорректный DSN: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>out of memory</source>
        <translation>недостаточно памяти</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the DSN carries a password; keep passwords in ~/.pgpass, a service file or PGPASSWORD, never on the command line</source>
        <extracomment>keep ~/.pgpass and PGPASSWORD as they are</extracomment>
        <translation>DSN содержит пароль; храните пароли в ~/.pgpass, файле служб или PGPASSWORD, но не в командной строке</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>malformed DSN: a value contains &apos;;&apos;</source>
        <translation>некорректный DSN: значение содержит символ &apos;;&apos;</translation>
    </message>
</context>
<context>
    <name>mvdash::Database</name>
    <message>
        <location filename="../../models/db/database.cpp" line="+47"/>
        <source>view %1 is not populated yet — run Refresh (Refresh panel or `mvdash-admin refresh %1`)</source>
        <extracomment>keep the command as it is; &quot;Refresh&quot; and &quot;Refresh panel&quot; as the dashboard calls them</extracomment>
        <translation>представление %1 ещё не заполнено — выполните обновление (панель «Обновление» или `mvdash-admin refresh %1`)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>view %1 does not exist in this database — is it migrated? (`mvdash-admin migrate`)</source>
        <extracomment>keep the command as it is</extracomment>
        <translation>представления %1 нет в этой базе данных — миграции применены? (`mvdash-admin migrate`)</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>cannot connect: %1</source>
        <extracomment>&quot;cannot connect: &lt;the server&apos;s or the driver&apos;s message&gt;&quot;</extracomment>
        <translation>не удаётся подключиться: %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>stopped after %1 s, the limit for one read (setting reader/statementTimeoutMs)</source>
        <extracomment>a panel&apos;s read that the server stopped at the dashboard&apos;s limit; %1 the limit in seconds (&quot;60&quot;); keep the setting&apos;s name</extracomment>
        <translation>остановлено через %1 с — предел для одного чтения (настройка reader/statementTimeoutMs)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>session %1</source>
        <extracomment>a session holding a lock: &quot;session &lt;pid&gt; (&lt;application&gt;, role &lt;role&gt;) on &lt;relation&gt;&quot;</extracomment>
        <translation>сеанс %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>role %1</source>
        <translation>роль %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>on %1</source>
        <translation>на %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in a transaction open for %1 s</source>
        <translation>в транзакции, открытой %1 с</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>another session (a REFRESH without CONCURRENTLY, a migration or a LOCK held in a transaction)</source>
        <translation>другой сеанс (REFRESH без CONCURRENTLY, миграция или LOCK в открытой транзакции)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>gave up after waiting %1 s for a lock held by %2 — what was shown stays, the next reload tries again</source>
        <extracomment>%1 seconds waited, %2 who holds the lock</extracomment>
        <translation>ожидание блокировки прервано через %1 с, её держит %2 — показанные данные остаются, следующая перезагрузка попробует снова</translation>
    </message>
</context>
<context>
    <name>mvdash::DatabaseWorker</name>
    <message>
        <location filename="../../models/db/databaseworker.cpp" line="+66"/>
        <source>cancelled</source>
        <extracomment>a database job that was cancelled (by the user, or a newer request)</extracomment>
        <translation>отменено</translation>
    </message>
</context>
<context>
    <name>mvdash::DemoDatabase</name>
    <message>
        <location filename="../../app/demodatabase.cpp" line="+59"/>
        <source>starting the demo cluster in %1</source>
        <extracomment>&quot;starting the demo cluster in &lt;directory&gt;&quot;</extracomment>
        <translation>запуск демо-кластера в %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>creating database %1</source>
        <translation>создание базы данных %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>applied %1</source>
        <extracomment>&quot;applied &lt;migration file&gt;&quot;</extracomment>
        <translation>применено: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>seeding %n event(s)</source>
        <translation>
            <numerusform>заполнение демо-данными: %n событие</numerusform>
            <numerusform>заполнение демо-данными: %n события</numerusform>
            <numerusform>заполнение демо-данными: %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>seeded %n event(s) in %1 s</source>
        <extracomment>&quot;seeded &lt;n events&gt; in &lt;seconds&gt; s&quot;</extracomment>
        <translation>
            <numerusform>заполнено демо-данными: %n событие за %1 с</numerusform>
            <numerusform>заполнено демо-данными: %n события за %1 с</numerusform>
            <numerusform>заполнено демо-данными: %n событий за %1 с</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>refreshing the views</source>
        <translation>обновление представлений</translation>
    </message>
</context>
<context>
    <name>mvdash::DiagnosticsPanel</name>
    <message>
        <location filename="../../ui/panels/diagnosticspanel.cpp" line="+32"/>
        <source>Only problems</source>
        <translation>Только проблемы</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+173"/>
        <source>Apply the fix</source>
        <translation>Применить исправление</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>The checks could not run: %1</source>
        <extracomment>the checks could not run; %1 is why. The checks shown (if any) are the last ones.</extracomment>
        <translation>Проверки не удалось выполнить: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not updated: %1. The checks below are from the last run that succeeded.</source>
        <translation>Не обновлено: %1. Ниже — проверки последнего успешного запуска.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Run the checks</source>
        <translation>Запустить проверки</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+115"/>
        <source>End the session</source>
        <translation>Завершить сеанс</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>End %1? Its transaction is rolled back, and its program loses the connection.</source>
        <translation>Завершить %1? Его транзакция будет отменена, а программа потеряет соединение.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Create the copy</source>
        <translation>Создать копию</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drop the selected copy</source>
        <translation>Удалить выбранную копию</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Per-tenant copies (the guide&apos;s tip 4)</source>
        <translation>Копии для арендаторов (совет 4 из руководства)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy of</source>
        <extracomment>before the choice of a read model: &quot;Copy of &lt;view&gt; for tenant &lt;tenant&gt;&quot;</extracomment>
        <translation>Копия</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for tenant</source>
        <extracomment>between the two choices: &quot;Copy of &lt;view&gt; for tenant &lt;tenant&gt;&quot;</extracomment>
        <translation>для арендатора</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Select a check to see why it matters and what to do.</source>
        <translation>Выберите проверку, чтобы узнать, почему она важна и что делать.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Why: %1</source>
        <extracomment>why the check&apos;s finding matters</extracomment>
        <translation>Почему это важно: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to do:</source>
        <translation>Что делать:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh now</source>
        <translation>Обновить сейчас</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the index</source>
        <translation>Создать индекс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the copy</source>
        <translation>Удалить копию</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 OK, %3, %4</source>
        <extracomment>the checks&apos; summary: %1 &quot;12 checks&quot;, %2 how many are OK, %3 &quot;1 warning&quot;, %4 &quot;2 failures&quot;</extracomment>
        <translation>%1: %2 OK, %3, %4</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n проверка</numerusform>
            <numerusform>%n проверки</numerusform>
            <numerusform>%n проверок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::Doctor</name>
    <message>
        <location filename="../../models/operations/doctor.cpp" line="+107"/>
        <source>%1 MB</source>
        <extracomment>a size in megabytes: &quot;12.5 MB&quot;</extracomment>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the check could not run: %1</source>
        <translation>не удалось выполнить проверку: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what it watches is unknown</source>
        <translation>состояние того, что она проверяет, неизвестно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>run the doctor as a role with mvdash_operator (or the owner)</source>
        <translation>запустите doctor от имени роли с mvdash_operator (или владельца)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mvdash-admin migrate (the check needs the current schema)</source>
        <translation>mvdash-admin migrate (для проверки нужна актуальная схема)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1   (or: %2)</source>
        <extracomment>%1 a command, %2 the same in SQL: keep the spaces</extracomment>
        <translation>%1   (или: %2)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>mvdash.%1 does not exist</source>
        <translation>mvdash.%1 не существует</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every panel and the guide&apos;s queries read it: they fail</source>
        <translation>его читают все панели и запросы из руководства: они завершаются ошибкой</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>reading it fails (&quot;has not been populated&quot;), and it cannot be refreshed concurrently until a plain refresh</source>
        <translation>чтение из него завершается ошибкой («has not been populated»), а обновить его с CONCURRENTLY нельзя до первого обычного обновления</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is a live read model</source>
        <translation>%1 — модель чтения live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is populated</source>
        <translation>%1 заполнено</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no valid unique index on plain columns</source>
        <translation>у %1 нет действительного уникального индекса по простым столбцам</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>REFRESH ... CONCURRENTLY needs one: the engine falls back to a plain refresh, which locks readers out while it runs</source>
        <translation>он нужен для REFRESH ... CONCURRENTLY: движок переходит на обычное обновление, которое на время работы блокирует чтение</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>create a unique index on the view&apos;s key columns</source>
        <translation>создайте уникальный индекс по ключевым столбцам представления</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 can be refreshed concurrently</source>
        <translation>%1 можно обновлять с CONCURRENTLY</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>pid %1, role %2, %3, for %4</source>
        <translation>pid %1, роль %2, %3, длится %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 was never refreshed by the engine</source>
        <translation>движок ни разу не обновлял %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its age is unknown: the dashboard shows it as stale</source>
        <translation>его возраст неизвестен: панель мониторинга показывает его как устаревшее</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 last refreshed %2 ago (schedule: every %3)</source>
        <translation>%1 последний раз обновлялось %2 назад (расписание: каждые %3)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the steps are skipped, held back by an open transaction that locks an event table: %1</source>
        <extracomment>%1 the step&apos;s own words: &quot;a writer of the event tables is still in its transaction after 00:00:10: pid 123, role x, transaction open since ...&quot;</extracomment>
        <translation>шаги пропускаются: их держит открытая транзакция, заблокировавшая таблицу событий: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no step has run lately: is the follower (mvdash-admin follow) running?</source>
        <translation>шаги давно не выполнялись: запущен ли процесс follow (mvdash-admin follow)?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the schedule did not refresh it: readers see old figures</source>
        <translation>расписание его не обновило: пользователи видят старые данные</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mvdash-admin follow   (or: SELECT refresh_aggregate_views();)</source>
        <translation>mvdash-admin follow   (или: SELECT refresh_aggregate_views();)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; then check the CronJob / pg_cron (see schedule.*)</source>
        <translation>; затем проверьте CronJob / pg_cron (см. schedule.*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no failed run since the last good one</source>
        <translation>после последнего успешного запуска сбоев не было</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n run(s) of %1 failed since its last good one; the last: %2</source>
        <translation>
            <numerusform>%1: после последнего успешного запуска ошибкой завершился %n запуск; последняя ошибка: %2</numerusform>
            <numerusform>%1: после последнего успешного запуска ошибкой завершились %n запуска; последняя ошибка: %2</numerusform>
            <numerusform>%1: после последнего успешного запуска ошибкой завершились %n запусков; последняя ошибка: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the view keeps its old rows while runs fail</source>
        <translation>пока запуски завершаются ошибкой, представление хранит старые строки</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no skipped run</source>
        <translation>пропущенных запусков нет</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n step(s) skipped since the last recorded one: another step was applying the same events; expected with a follower, and %1 keeps up</source>
        <translation>
            <numerusform>%n шаг пропущен после последнего записанного: другой шаг применял те же события; так и должно быть при работающем процессе follow, и %1 не отстаёт</numerusform>
            <numerusform>%n шага пропущено после последнего записанного: другой шаг применял те же события; так и должно быть при работающем процессе follow, и %1 не отстаёт</numerusform>
            <numerusform>%n шагов пропущено после последнего записанного: другой шаг применял те же события; так и должно быть при работающем процессе follow, и %1 не отстаёт</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (now: %1)</source>
        <translation> (сейчас: %1)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n run(s) of %1 skipped in a row: another refresh held it%2</source>
        <translation>
            <numerusform>%1: подряд пропущен %n запуск — представление удерживало другое обновление%2</numerusform>
            <numerusform>%1: подряд пропущено %n запуска — представление удерживало другое обновление%2</numerusform>
            <numerusform>%1: подряд пропущено %n запусков — представление удерживало другое обновление%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>two schedulers (CronJob and pg_cron, or a manual run) overlap, or one refresh hangs</source>
        <translation>пересекаются два планировщика (CronJob и pg_cron или ручной запуск) либо одно из обновлений зависло</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keep one scheduler; a hanging holder: SELECT pg_cancel_backend(&lt;pid&gt;);</source>
        <translation>оставьте один планировщик; зависший держатель блокировки: SELECT pg_cancel_backend(&lt;pid&gt;);</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is live: steps, not refreshes</source>
        <translation>%1 в режиме live: шаги вместо обновлений</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no timed refresh yet</source>
        <translation>для %1 ещё нет обновлений с замером времени</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: last refresh %2 ms, average %3 ms</source>
        <translation>%1: последнее обновление %2 мс, в среднем %3 мс</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a refresh takes longer than the schedule&apos;s interval: runs overlap and are skipped</source>
        <translation>обновление длится дольше интервала расписания: запуски накладываются и пропускаются</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>slower than the guide&apos;s %1 ms alert</source>
        <translation>медленнее порога оповещения из руководства (%1 мс)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>see storage.* (size, dead rows, indexes: \d+ mvdash.%1); consider live mode (mvdash-admin convert --to live) or archiving old events</source>
        <translation>см. storage.* (размер, мёртвые строки, индексы: \d+ mvdash.%1); рассмотрите режим live (mvdash-admin convert --to live) или архивирование старых событий</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>no step and no rebuild takes them in (both stop at the order&apos;s last value): the live read models leave them out. They were written through a worker node, with arrival_id set by the writer, or after the order was set back (a restore without the sequence)</source>
        <translation>ни шаг, ни rebuild их не берут (оба останавливаются на последнем значении порядка): в моделях чтения live их нет. Их записали через рабочий узел, с arrival_id, заданным писателем, или после того как порядок отмотали назад (восстановление без последовательности)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>first stop those writes and let their transactions end (docs/LIVE.md, &quot;What writers must do&quot;); then, as the schema&apos;s owner: SELECT setval(&apos;mvdash.event_arrival_seq&apos;, %1); and mvdash-admin rebuild</source>
        <translation>сначала остановите эти записи и дождитесь конца их транзакций (docs/LIVE.md, «What writers must do»); затем от имени владельца схемы: SELECT setval(&apos;mvdash.event_arrival_seq&apos;, %1); и mvdash-admin rebuild</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an arrival this high would leave the order nothing to give: stop those writes, set those events&apos; arrival_id to at most the order&apos;s value, %1, then mvdash-admin rebuild</source>
        <translation>при таком большом номере порядку нечего было бы выдавать: остановите эти записи, задайте этим событиям arrival_id не больше значения порядка, %1, затем mvdash-admin rebuild</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 has held a lock the refresh of %2 waits for, in a transaction open for %3</source>
        <translation>%1 держит блокировку, которую ждёт обновление %2, в транзакции, открытой уже %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every step waits for it, then is skipped: no read model moves while it lasts, for any tenant</source>
        <translation>каждый шаг ждёт её и пропускается: пока она длится, ни одна модель чтения не обновляется ни для одного арендатора</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>each refresh of that view waits a minute for it and fails</source>
        <translation>каждое обновление этого представления ждёт её минуту и завершается ошибкой</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>if it is stuck, end it (its transaction is rolled back): SELECT pg_terminate_backend(%1); once pg_stat_activity shows that pid still in that transaction</source>
        <translation>если она зависла, завершите её (транзакция будет отменена): SELECT pg_terminate_backend(%1); убедившись по pg_stat_activity, что этот pid всё ещё в той же транзакции</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no transaction holds the steps or a refresh back</source>
        <translation>ни одна транзакция не задерживает шаги live-режима или обновления</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>refresh time is not growing (%1 runs, %2 ms/day)</source>
        <translation>время обновления не растёт (запусков: %1, %2 мс/день)</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>refresh time grows %1 ms/day: at this pace it reaches the %2 interval in %n day(s)</source>
        <translation>
            <numerusform>время обновления растёт на %1 мс/день: при таком темпе оно достигнет интервала %2 через %n день</numerusform>
            <numerusform>время обновления растёт на %1 мс/день: при таком темпе оно достигнет интервала %2 через %n дня</numerusform>
            <numerusform>время обновления растёт на %1 мс/день: при таком темпе оно достигнет интервала %2 через %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>within a month the refresh no longer fits the schedule</source>
        <translation>в течение месяца обновление перестанет укладываться в расписание</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plan for it: live mode (mvdash-admin convert --to live), partitioning or archiving old events</source>
        <translation>подготовьтесь заранее: режим live (mvdash-admin convert --to live), секционирование или архивирование старых событий</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>refreshing now: pid %1 (role %2, %3) for %4</source>
        <translation>сейчас идёт обновление: pid %1 (роль %2, %3), длится %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, waiting on a lock (%1)%2</source>
        <translation>, ожидает блокировку (%1)%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> held by pid %1</source>
        <translation> — её удерживает pid %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the refresh cannot go on until the holder ends</source>
        <translation>обновление не продолжится, пока держатель блокировки не завершится</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>find the holder: SELECT * FROM pg_stat_activity WHERE pid IN (%1); end it if it is stuck: SELECT pg_cancel_backend(pid)</source>
        <translation>найдите держателя блокировки: SELECT * FROM pg_stat_activity WHERE pid IN (%1); если он завис, завершите его: SELECT pg_cancel_backend(pid)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, blocking pid %1</source>
        <translation>, блокирует pid %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sessions wait behind this refresh (a plain refresh locks readers out)</source>
        <translation>сеансы ждут завершения этого обновления (обычное обновление блокирует чтение)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give the view a unique index (concurrent refresh) or cancel: SELECT pg_cancel_backend(%1)</source>
        <translation>создайте для представления уникальный индекс (обновление с CONCURRENTLY) или отмените: SELECT pg_cancel_backend(%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>running longer than the schedule&apos;s interval</source>
        <translation>выполняется дольше интервала расписания</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>see refresh.slow and storage.*</source>
        <translation>см. refresh.slow и storage.*</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no refresh is running</source>
        <translation>обновления не выполняются</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>tenant %1 is not in the tenants table</source>
        <translation>арендатора %1 нет в таблице арендаторов</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 distinct %2 in the events, %3 rows in %4</source>
        <extracomment>%2 bets or payments, %4 a view&apos;s name</extracomment>
        <translation>различных %2 в событиях: %1, строк в %4: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the tenant has events but the view shows nothing: it was not refreshed since they arrived</source>
        <translation>у арендатора есть события, но представление пусто: его не обновляли после их поступления</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the view holds more rows than there are distinct ids in the events: it is wrong, not just late</source>
        <translation>в представлении больше строк, чем различных ID в событиях: оно не просто отстаёт, а содержит неверные данные</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the view is behind the events (new ones since the last refresh)</source>
        <translation>представление отстаёт от событий (после последнего обновления появились новые)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>; then mvdash-admin verify</source>
        <translation>; затем mvdash-admin verify</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n temporary file(s), %1, since the statistics were reset; work_mem %2, maintenance_work_mem %3</source>
        <translation>
            <numerusform>%n временный файл, %1, с момента сброса статистики; work_mem %2, maintenance_work_mem %3</numerusform>
            <numerusform>%n временных файла, %1, с момента сброса статистики; work_mem %2, maintenance_work_mem %3</numerusform>
            <numerusform>%n временных файлов, %1, с момента сброса статистики; work_mem %2, maintenance_work_mem %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>; on Citus, distributed queries&apos; intermediate results count too: set log_temp_files to see which spilled</source>
        <translation>; в Citus учитываются и промежуточные результаты распределённых запросов: включите log_temp_files, чтобы увидеть, какие из них ушли на диск</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sorts and hashes spilled to disk (refreshes sort whole event tables): slower, and &quot;out of memory&quot; is near</source>
        <translation>сортировки и хеширование выполняются на диске (обновления сортируют таблицы событий целиком): это медленнее, и до «out of memory» недалеко</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>the views&apos; share is %1% now (%2 samples over %3 hours); a trend and a forecast need %4 days of samples</source>
        <translation>доля представлений сейчас %1% (выборок: %2 за %3 ч); для тренда и прогноза нужны выборки за %4 дн.</translation>
    </message>
    <message>
        <location line="+416"/>
        <source>transaction %2, committed on the coordinator, has been only prepared on %1 for %3 s</source>
        <translation>транзакция %2, зафиксированная на координаторе, уже %3 с лишь подготовлена на %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>transaction %2 has been prepared on %1 for %3 s, and the coordinator recorded no commit</source>
        <translation>транзакция %2 подготовлена на %1 уже %3 с, а координатор не записал её фиксацию</translation>
    </message>
    <message>
        <location line="-1291"/>
        <source>mvdash-admin migrate (makes a missing read model again from its installed definition; per-tenant copies dropped with it are not)</source>
        <translation>mvdash-admin migrate (заново создаёт недостающую модель чтения по её установленному определению; копии для арендаторов, удалённые вместе с ней, не восстанавливаются)</translation>
    </message>
    <message>
        <location line="+370"/>
        <source>every event&apos;s arrival was given by the arrival order (up to %1)</source>
        <translation>у каждого события номер поступления выдан порядком поступления (до %1)</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>events of %1 with an arrival past the arrival order: %2 (the newest %3; the order is at %4)</source>
        <translation>события %1 с номером поступления за пределами порядка поступления: %2 (новейший %3; порядок на %4)</translation>
    </message>
    <message>
        <location line="-487"/>
        <source>refreshes: ALTER FUNCTION mvdash.mvdash_refresh_view(text, bigint, bigint, boolean) SET work_mem = &apos;512MB&apos;;  (they run with that function&apos;s work_mem, the guide&apos;s 256MB unless set otherwise); other sessions: ALTER ROLE &lt;role&gt; SET work_mem = &apos;256MB&apos;;  (the guide&apos;s SET work_mem for the session)</source>
        <translation>обновления: ALTER FUNCTION mvdash.mvdash_refresh_view(text, bigint, bigint, boolean) SET work_mem = &apos;512MB&apos;;  (они работают с work_mem этой функции, по умолчанию 256MB из руководства); прочие сессии: ALTER ROLE &lt;роль&gt; SET work_mem = &apos;256MB&apos;;  (SET work_mem для сессии из руководства)</translation>
    </message>
    <message>
        <location line="+362"/>
        <source>read the error; for &quot;out of memory&quot; a smaller work_mem for the refreshes, for temporary files a larger one (ALTER FUNCTION mvdash.mvdash_refresh_view(text, bigint, bigint, boolean) SET work_mem = ...; the guide&apos;s is 256MB); then %1</source>
        <extracomment>%1 the command that refreshes the view</extracomment>
        <translation>прочитайте ошибку; при &quot;out of memory&quot; — меньше work_mem для обновлений, при временных файлах — больше (ALTER FUNCTION mvdash.mvdash_refresh_view(text, bigint, bigint, boolean) SET work_mem = ...; в руководстве 256MB); затем %1</translation>
    </message>
    <message>
        <location line="+476"/>
        <source>; refreshes run with work_mem %1</source>
        <extracomment>%1 the work_mem the refresh function runs with, e.g. 256MB</extracomment>
        <translation>; обновления работают с work_mem %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>unknown without pg_stat_statements (memory.temp_files has the whole database&apos;s): shared_preload_libraries = &apos;pg_stat_statements&apos;, then CREATE EXTENSION pg_stat_statements; REVOKE SELECT ON pg_stat_statements, pg_stat_statements_info FROM PUBLIC; (tenant roles must not read other tenants&apos; statements)</source>
        <translation>неизвестно без pg_stat_statements (в memory.temp_files — цифры всей базы): shared_preload_libraries = &apos;pg_stat_statements&apos;, затем CREATE EXTENSION pg_stat_statements; REVOKE SELECT ON pg_stat_statements, pg_stat_statements_info FROM PUBLIC; (роли арендаторов не должны читать запросы других арендаторов)</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%1 written to temporary files by %n refresh call(s) since pg_stat_statements was reset</source>
        <translation>
            <numerusform>%1 записано во временные файлы за %n вызов обновления после сброса pg_stat_statements</numerusform>
            <numerusform>%1 записано во временные файлы за %n вызова обновления после сброса pg_stat_statements</numerusform>
            <numerusform>%1 записано во временные файлы за %n вызовов обновления после сброса pg_stat_statements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the refreshes&apos; sorts and hashes did not fit work_mem and went to disk: slower refreshes, and the guide&apos;s &quot;out of memory&quot; is near</source>
        <translation>сортировки и хеши обновлений не поместились в work_mem и ушли на диск: обновления медленнее, и «out of memory» из руководства уже близко</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: %2 dead of %3 rows (%4%)</source>
        <translation>%1: мёртвых строк %2 из %3 (%4%)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> in %1 shards</source>
        <translation> в %1 шардах</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>concurrent refreshes leave dead rows; autovacuum is behind: the view grows and scans slow down</source>
        <translation>обновления с CONCURRENTLY оставляют мёртвые строки; autovacuum не успевает: представление растёт, сканирование замедляется</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the views take %1 against %2 of event tables (%3%; the guide expects 10-30%)</source>
        <translation>представления занимают %1 при %2 в таблицах событий (%3%; по руководству ожидается 10-30%)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>more than the guide&apos;s 30%: per-tenant copies, bloat or indexes nobody uses</source>
        <translation>больше 30%, предусмотренных руководством: копии для арендаторов, раздувание или неиспользуемые индексы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mvdash-admin sizes; drop unused per-tenant copies; VACUUM (FULL) a bloated view in a quiet hour</source>
        <translation>mvdash-admin sizes; удалите ненужные копии для арендаторов; выполните VACUUM (FULL) для раздутого представления в часы низкой нагрузки</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n sample(s) of the views&apos; share so far: a trend needs %1 (one per 15 minutes, taken when a refresh or step runs)</source>
        <translation>
            <numerusform>пока %n замер доли представлений: для тренда нужно %1 (один раз в 15 минут, при обновлении или шаге)</numerusform>
            <numerusform>пока %n замера доли представлений: для тренда нужно %1 (один раз в 15 минут, при обновлении или шаге)</numerusform>
            <numerusform>пока %n замеров доли представлений: для тренда нужно %1 (один раз в 15 минут, при обновлении или шаге)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the views&apos; share moves %1 points/day (now %2%; views %3, event tables %4 per day, over %5 days)</source>
        <translation>доля представлений меняется на %1 п.п. в день (сейчас %2%; представления %3, таблицы событий %4 в день, за %5 дн.)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>; at this pace it passes %1% in %2 days</source>
        <translation>; в таком темпе превысит %1% через %2 дн.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the views grow faster than the events they are made of: dead rows and empty pages, per-tenant copies or indexes piling up</source>
        <translation>представления растут быстрее событий, из которых построены: копятся мёртвые строки и пустые страницы, копии для арендаторов или индексы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>see storage.dead_rows and storage.bloat; mvdash-admin sizes; drop per-tenant copies nobody reads</source>
        <translation>см. storage.dead_rows и storage.bloat; mvdash-admin sizes; удалите копии для арендаторов, которые никто не читает</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unknown without pgstattuple (storage.dead_rows counts what vacuum has yet to do): CREATE EXTENSION pgstattuple; GRANT pg_stat_scan_tables TO &lt;the role running the doctor&gt;;</source>
        <translation>неизвестно без pgstattuple (storage.dead_rows считает лишь то, что ещё предстоит сделать vacuum): CREATE EXTENSION pgstattuple; GRANT pg_stat_scan_tables TO &lt;роль, которая запускает mvdash-admin doctor&gt;;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>index %1: %2, no leaf page yet</source>
        <translation>индекс %1: %2, листовых страниц ещё нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>index %1: %2, leaf pages %3% full</source>
        <translation>индекс %1: %2, листовые страницы заполнены на %3%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>half-empty index pages (rows deleted and rewritten by concurrent refreshes or steps): more pages to read for every lookup and a bigger cache footprint</source>
        <translation>полупустые страницы индекса (строки удалены и переписаны обновлениями с CONCURRENTLY или шагами): каждый поиск читает больше страниц, кэш занят зря</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2, %3% empty space, %4% dead rows</source>
        <translation>%1: %2, пустого места %3%, мёртвых строк %4%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>vacuum freed the space but the relation keeps its size: scans read the empty pages too</source>
        <translation>vacuum освободил место, но отношение сохранило свой размер: сканирование читает и пустые страницы</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>mvdash-admin rebuild (a compact copy, swapped in while readers read on)</source>
        <translation>mvdash-admin rebuild (компактная копия подменяет таблицу, чтение не прерывается)</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>in a quiet hour: REFRESH MATERIALIZED VIEW mvdash.%1; (not concurrently: rewritten compactly, readers wait)</source>
        <translation>в часы низкой нагрузки: REFRESH MATERIALIZED VIEW mvdash.%1; (без CONCURRENTLY: перезаписывается компактно, читатели ждут)</translation>
    </message>
    <message>
        <location line="-989"/>
        <source>%1 is not populated: never refreshed, or emptied by REFRESH ... WITH NO DATA</source>
        <translation>%1 не заполнено: ни разу не обновлялось или очищено командой REFRESH ... WITH NO DATA</translation>
    </message>
    <message numerus="yes">
        <location line="+111"/>
        <source>%1 is live, %n event(s) behind (%2 s), last step %3 ago</source>
        <extracomment>%1 a read model, %2 for how long events have waited (s), %3 the last step&apos;s age</extracomment>
        <translation>
            <numerusform>%1 в режиме live, отставание %n событие (%2 с), последний шаг %3 назад</numerusform>
            <numerusform>%1 в режиме live, отставание %n события (%2 с), последний шаг %3 назад</numerusform>
            <numerusform>%1 в режиме live, отставание %n событий (%2 с), последний шаг %3 назад</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>if that transaction is stuck, end it: SELECT pg_terminate_backend(&lt;pid&gt;), once pg_stat_activity shows that pid still in that transaction (xact_start); a prepared one: ROLLBACK PREPARED &apos;&lt;gid&gt;&apos; (pg_prepared_xacts). A writer&apos;s own transactions should be short: the watermark waits for them</source>
        <translation>если эта транзакция зависла, завершите её: SELECT pg_terminate_backend(&lt;pid&gt;), убедившись по pg_stat_activity, что этот pid всё ещё в той же транзакции (xact_start); подготовленную: ROLLBACK PREPARED &apos;&lt;gid&gt;&apos; (pg_prepared_xacts). Транзакции писателей должны быть короткими: водяной знак ждёт их</translation>
    </message>
    <message>
        <location line="+246"/>
        <source>prepared transaction %1 (role %2)</source>
        <translation>подготовленная транзакция %1 (роль %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (role %2, %3)</source>
        <translation>%1 (роль %2, %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has held the live steps back for %2: it holds both locks a writer holds</source>
        <translation>%1 задерживает шаги live-режима уже %2: держит обе блокировки, которые держит писатель</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>if it is stuck, roll it back as a role that may: ROLLBACK PREPARED &apos;%1&apos;;</source>
        <translation>если она зависла, отмените её от имени роли, которой это разрешено: ROLLBACK PREPARED &apos;%1&apos;;</translation>
    </message>
    <message>
        <location line="+579"/>
        <source>in a quiet hour, as the table&apos;s owner: VACUUM (FULL, ANALYZE) mvdash.%1; (every shard rewritten compactly; readers and the live steps wait for it)</source>
        <translation>в часы низкой нагрузки, от имени владельца таблицы: VACUUM (FULL, ANALYZE) mvdash.%1; (каждый шард перезаписывается компактно; читатели и шаги live-режима ждут его)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: copy of %2 for tenant %3, %4</source>
        <translation>%1: копия %2 для арендатора %3, %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>its tenant no longer exists: it costs a refresh and space for nobody</source>
        <translation>её арендатора больше нет: на её обновление и хранение ресурсы тратятся впустую</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its tenant has no events: it is empty</source>
        <translation>у её арендатора нет событий: она пуста</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>last refresh by &quot;%1&quot; %2 ago; %n failed run(s) in the last day</source>
        <translation>
            <numerusform>последнее обновление: «%1», %2 назад; за последние сутки %n неудачный запуск</numerusform>
            <numerusform>последнее обновление: «%1», %2 назад; за последние сутки %n неудачных запуска</numerusform>
            <numerusform>последнее обновление: «%1», %2 назад; за последние сутки %n неудачных запусков</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>pg_cron job %1 (%2)%3: last run %4</source>
        <translation>задание pg_cron %1 (%2)%3: последний запуск — %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, inactive</source>
        <translation>, неактивно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 ago</source>
        <translation>%1, %2 назад</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the last scheduled refresh failed: %1</source>
        <translation>последнее обновление по расписанию завершилось ошибкой: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the job is switched off: nothing refreshes</source>
        <translation>задание отключено: ничего не обновляется</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the scheduler has not run for two intervals</source>
        <translation>планировщик не запускался уже два интервала</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no refresh was ever recorded and pg_cron is not installed</source>
        <translation>ни одного обновления не зарегистрировано, и pg_cron не установлен</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing seems to schedule refreshes</source>
        <translation>похоже, обновления ничем не запускаются по расписанию</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kubectl apply -f packaging/k8s/cronjob-refresh-views.yaml (matview) or packaging/k8s/deployment-follower.yaml (live)</source>
        <translation>kubectl apply -f packaging/k8s/cronjob-refresh-views.yaml (matview) или packaging/k8s/deployment-follower.yaml (live)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>node %1 is inactive</source>
        <translation>узел %1 неактивен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node %1 cannot reach %2</source>
        <translation>узел %1 не может связаться с %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>queries and refreshes that need its shards fail</source>
        <translation>запросы и обновления, которым нужны его шарды, завершаются ошибкой</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bring the node back, then SELECT citus_activate_node(&apos;host&apos;, port);</source>
        <translation>верните узел в строй, затем выполните SELECT citus_activate_node(&apos;host&apos;, port);</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>check the network and the node&apos;s pg_hba.conf</source>
        <translation>проверьте сеть и pg_hba.conf узла</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>every node is active and reaches every other</source>
        <translation>все узлы активны и связаны друг с другом</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+7"/>
        <source>%1 is not distributed by tenant_id</source>
        <translation>таблица %1 не распределена по tenant_id</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>the event tables are in %n co-location group(s)</source>
        <translation>
            <numerusform>таблицы событий находятся в %n группе совместного размещения</numerusform>
            <numerusform>таблицы событий находятся в %n группах совместного размещения</numerusform>
            <numerusform>таблицы событий находятся в %n группах совместного размещения</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the event tables are distributed by tenant_id and co-located</source>
        <translation>таблицы событий распределены по tenant_id и размещены совместно</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>refreshes and steps join across tables by tenant: without co-location they move data between nodes</source>
        <translation>обновления и шаги соединяют таблицы по арендатору: без совместного размещения данные пересылаются между узлами</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>its rows are invisible until recovery commits them; in live mode a step may already have passed those events, and no later step applies them</source>
        <translation>её строки не видны, пока восстановление их не зафиксирует; в режиме live шаг мог уже пройти мимо этих событий, и ни один следующий шаг их не применит</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SELECT recover_prepared_transactions();  then, in live mode: mvdash-admin rebuild</source>
        <translation>SELECT recover_prepared_transactions();  затем, в режиме live: mvdash-admin rebuild</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it holds its locks until recovery rolls it back</source>
        <translation>она держит свои блокировки, пока восстановление её не откатит</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SELECT recover_prepared_transactions();</source>
        <translation>SELECT recover_prepared_transactions();</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no two-phase commit left half done on the workers</source>
        <translation>на рабочих узлах нет незавершённых двухфазных фиксаций</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>gpid %1 waits for gpid %2: %3</source>
        <translation>gpid %1 ждёт gpid %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a distributed lock wait: a refresh or writer is stuck behind another transaction</source>
        <translation>ожидание распределённой блокировки: обновление или запись застряли за другой транзакцией</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SELECT pg_cancel_backend(%1);  (a gpid cancels on its node)</source>
        <translation>SELECT pg_cancel_backend(%1);  (gpid отменяется на своём узле)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no distributed lock waits</source>
        <translation>ожиданий распределённых блокировок нет</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>only the owner creates in schema mvdash</source>
        <translation>создавать объекты в схеме mvdash может только владелец</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>can create objects in schema mvdash: %1</source>
        <translation>могут создавать объекты в схеме mvdash: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a look-alike function there would run with the refresh functions&apos; rights (docs/RELIABILITY.md)</source>
        <translation>функция-двойник, подложенная туда, выполнялась бы с правами функций обновления (docs/RELIABILITY.md)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>refresh</source>
        <extracomment>what a role can do: &quot;login roles that can refresh&quot;</extracomment>
        <translation>обновлять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read all</source>
        <translation>читать всё</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no login role but superusers can %1</source>
        <translation>кроме суперпользователей, ни одна роль с правом входа не может %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>login roles that can %1: %2</source>
        <translation>роли с правом входа, которые могут %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>every role can %1, tenant administrators included</source>
        <translation>любая роль может %1, включая администраторов арендаторов</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>REVOKE SELECT ON mvdash.bets_view FROM PUBLIC;  (and the other read models)</source>
        <translation>REVOKE SELECT ON mvdash.bets_view FROM PUBLIC;  (и то же для остальных моделей чтения)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>role %1 is granted tenant %2, which %3</source>
        <translation>роли %1 выдан доступ к арендатору %2, который %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no longer exists</source>
        <translation>больше не существует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exists, but the role does not</source>
        <translation>существует, но самой роли нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a tenant created later with this id would be readable by that role</source>
        <translation>арендатор, созданный позже с этим ID, будет доступен этой роли</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>every tenant grant names a tenant and a role that exist</source>
        <translation>все доступы к арендаторам ссылаются на существующих арендаторов и роли</translation>
    </message>
</context>
<context>
    <name>mvdash::DoctorModel</name>
    <message>
        <location filename="../../models/items/doctormodel.cpp" line="+25"/>
        <source>FAIL</source>
        <extracomment>a check&apos;s state, in capitals so that a problem stands out</extracomment>
        <translation>FAIL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WARN</source>
        <extracomment>a check&apos;s state: a warning</extracomment>
        <translation>WARN</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnosticspanel.cpp" line="-148"/>
        <location filename="../../models/items/doctormodel.cpp" line="+5"/>
        <source>OK</source>
        <extracomment>a check&apos;s state: nothing to do</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../models/items/doctormodel.cpp" line="+8"/>
        <source>State</source>
        <extracomment>column title: OK, WARN or FAIL</extracomment>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <extracomment>column title: the id of the diagnostic check (noun)</extracomment>
        <translation>Проверка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <extracomment>column title: what the check looked at (a view, a node, a tenant)</extracomment>
        <translation>Объект</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found</source>
        <extracomment>column title: what the check found (noun, past participle)</extracomment>
        <translation>Обнаружено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do</source>
        <translation>Что делать</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Creating the unique index of %1</source>
        <translation>Создание уникального индекса для %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dropping %1</source>
        <translation>Удаление %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ending session %1</source>
        <extracomment>the Diagnostics panel&apos;s fix for a session that holds the steps or a refresh back</extracomment>
        <translation>Завершение сеанса %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>pid %1 is no longer in the transaction the check saw: nothing was ended</source>
        <translation>pid %1 уже не в той транзакции, которую видела проверка: ничего не завершено</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pid %1 was told to end but had not ended 5 s later</source>
        <translation>pid %1 получил сигнал завершиться, но через 5 с ещё не завершился</translation>
    </message>
</context>
<context>
    <name>mvdash::Follower</name>
    <message>
        <location filename="../../models/operations/follower.cpp" line="+37"/>
        <source>connected to %1</source>
        <extracomment>&quot;connected to &lt;user&gt;@&lt;host&gt;:&lt;port&gt;/&lt;database&gt;&quot;</extracomment>
        <translation>подключено к %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>applied %1 in %2 ms (watermark %3)</source>
        <extracomment>&quot;applied &lt;n events&gt; in &lt;ms&gt; ms (watermark &lt;arrival&gt;)&quot;</extracomment>
        <translation>применено %1 за %2 мс (водяной знак %3)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>skipped: %1</source>
        <extracomment>a live step did not run: &quot;skipped: &lt;why&gt;&quot; or &quot;failed: &lt;why&gt;&quot;</extracomment>
        <translation>пропущен: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed: %1</source>
        <translation>ошибка: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the password is not sent again (each failure counts toward locking the account); stopped: fix the password, then start the follower again</source>
        <extracomment>the follower stops: &quot;&lt;the server&apos;s message&gt;: the password is not sent again ...&quot;</extracomment>
        <translation>%1: пароль больше не отправляется (каждая неудача приближает блокировку учётной записи); остановлен: исправьте пароль и снова запустите процесс follow</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>step failed: %1; reconnecting in %2 ms</source>
        <translation>шаг завершился ошибкой: %1; повторное подключение через %2 мс</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stopped</source>
        <extracomment>the follower has stopped (SIGTERM, Ctrl-C)</extracomment>
        <translation>остановлен</translation>
    </message>
</context>
<context>
    <name>mvdash::Format</name>
    <message numerus="yes">
        <location filename="../../models/items/format.cpp" line="+38"/>
        <source>%1 byte(s)</source>
        <extracomment>a size under a kilobyte: &quot;0 bytes&quot;, &quot;1 byte&quot;, &quot;512 bytes&quot; (%1 the number)</extracomment>
        <translation>
            <numerusform>%1 байт</numerusform>
            <numerusform>%1 байта</numerusform>
            <numerusform>%1 байт</numerusform>
        </translation>
    </message>
    <message>
        <location line="+89"/>
        <source>ok</source>
        <extracomment>how a view&apos;s refresh ended: it went well</extracomment>
        <translation>успешно</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>skipped</source>
        <extracomment>how a view&apos;s refresh ended: it was not run</extracomment>
        <translation>пропущено</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>failed</source>
        <extracomment>how a view&apos;s refresh ended: with an error</extracomment>
        <translation>ошибка</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>fresh</source>
        <extracomment>the data&apos;s freshness: refreshed within the interval</extracomment>
        <translation>свежие</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>late</source>
        <extracomment>the data&apos;s freshness: past the refresh interval</extracomment>
        <translation>запаздывают</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stale</source>
        <extracomment>the data&apos;s freshness: past twice the refresh interval, or never refreshed</extracomment>
        <translation>устарели</translation>
    </message>
</context>
<context>
    <name>mvdash::Humanize</name>
    <message>
        <location filename="../../models/db/humanize.cpp" line="+13"/>
        <source>%1 s</source>
        <extracomment>an age in seconds, abbreviated: &quot;42 s&quot;</extracomment>
        <translation>%1 с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <extracomment>an age in minutes, abbreviated: &quot;3 min&quot;</extracomment>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <extracomment>an age in hours, abbreviated: &quot;5 h&quot;</extracomment>
        <translation>%1 ч</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 d</source>
        <extracomment>an age in days, abbreviated: &quot;2 d&quot;</extracomment>
        <translation>%1 д</translation>
    </message>
</context>
<context>
    <name>mvdash::LiveReadModels</name>
    <message>
        <location filename="../../models/operations/livereadmodels.cpp" line="+38"/>
        <source>%1 s</source>
        <extracomment>a duration in seconds: &quot;3.2 s&quot; (the number is already in the language&apos;s form)</extracomment>
        <translation>%1 с</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>switch attempt %1 could not get its locks (%2); retrying</source>
        <translation>попытка переключения %1: не удалось получить блокировки (%2); повтор</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>pid %1 (role %2, since %3)</source>
        <extracomment>a session holding the read models: &quot;pid &lt;pid&gt; (role &lt;role&gt;, since &lt;time&gt;)&quot;</extracomment>
        <translation>pid %1 (роль %2, с %3)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the swap waits for sessions that hold the read models: %1 (readers go on meanwhile; an idle transaction holds them until it ends)</source>
        <extracomment>a rebuild&apos;s last statement waits: %1 the sessions it waits for</extracomment>
        <translation>подмена ждёт сеансы, удерживающие модели чтения: %1 (читатели тем временем продолжают работу; простаивающая транзакция держит их до своего завершения)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the rebuild could not swap in the new state within %1 s: %2 held the read models; nothing changed</source>
        <extracomment>%1 seconds, %2 the sessions (&quot;pid 123 (role x, since ...)&quot;)</extracomment>
        <translation>rebuild не смог подменить состояние за %1 с: модели чтения удерживали %2; ничего не изменено</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>readers</source>
        <translation>читатели</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the read-model mode is not recorded (migration 011 missing)</source>
        <translation>режим моделей чтения не записан (нет миграции 011)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>(statistics of a scratch table: no plan)</source>
        <extracomment>explain-step: an ANALYZE statement has no plan to show</extracomment>
        <translation>(статистика временной таблицы: плана нет)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>new tables</source>
        <extracomment>a rebuild&apos;s progress: the step that creates the new tables</extracomment>
        <translation>новые таблицы</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (part %2 of %3)</source>
        <translation>%1 (часть %2 из %3)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the rebuild&apos;s plan has no statement %1, which statement %2 comes after</source>
        <extracomment>a rebuild&apos;s plan (live_build_plan) is inconsistent</extracomment>
        <translation>в плане перестроения нет оператора %1, после которого идёт оператор %2</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%1, %n row(s) written</source>
        <extracomment>a rebuild&apos;s progress: &quot;&lt;seconds&gt;, &lt;n rows&gt; written&quot; by one statement</extracomment>
        <translation>
            <numerusform>%1, записана %n строка</numerusform>
            <numerusform>%1, записаны %n строки</numerusform>
            <numerusform>%1, записано %n строк</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a live step is running (%1); waiting for it to finish</source>
        <extracomment>a rebuild waits: &quot;a live step is running (&lt;pid, role, since&gt;); waiting...&quot;</extracomment>
        <translation>выполняется шаг live (%1); ожидание его завершения</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>building the live state from every event up to arrival %1 (readers keep reading the current state) on %n session(s)</source>
        <translation>
            <numerusform>построение состояния live по всем событиям до поступления %1 (чтение продолжается из текущего состояния) в %n сеансе</numerusform>
            <numerusform>построение состояния live по всем событиям до поступления %1 (чтение продолжается из текущего состояния) в %n сеансах</numerusform>
            <numerusform>построение состояния live по всем событиям до поступления %1 (чтение продолжается из текущего состояния) в %n сеансах</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>building the live state from every event up to arrival %1 (readers keep reading the current state)</source>
        <translation>построение состояния live по всем событиям до поступления %1 (чтение продолжается из текущего состояния)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the live state&apos;s statistics were not refreshed (autovacuum will): %1</source>
        <extracomment>after a rebuild: ANALYZE of the live state failed (the rebuild itself succeeded)</extracomment>
        <translation>статистика состояния live не обновлена (её соберёт autovacuum): %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>rebuilt from %n event(s) up to arrival %1 in %2</source>
        <extracomment>&quot;rebuilt from &lt;n events&gt; up to arrival &lt;arrival&gt; in &lt;seconds&gt;&quot;</extracomment>
        <translation>
            <numerusform>перестроено по %n событию до поступления %1 за %2</numerusform>
            <numerusform>перестроено по %n событиям до поступления %1 за %2</numerusform>
            <numerusform>перестроено по %n событиям до поступления %1 за %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the read models are already in %1 mode</source>
        <extracomment>&quot;the read models are already in live|matview mode&quot;: keep the mode&apos;s name</extracomment>
        <translation>модели чтения уже в режиме %1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>caught up %n event(s) (arrival %1)</source>
        <extracomment>&quot;caught up &lt;n events&gt; (arrival &lt;arrival&gt;)&quot;</extracomment>
        <translation>
            <numerusform>применено ещё %n событие (поступление %1)</numerusform>
            <numerusform>применено ещё %n события (поступление %1)</numerusform>
            <numerusform>применено ещё %n событий (поступление %1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>building the materialized views in mvdash_staging (readers keep reading the live read models)</source>
        <extracomment>keep the schema name mvdash_staging as it is</extracomment>
        <translation>построение материализованных представлений в mvdash_staging (чтение продолжается из моделей чтения live)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>staged in %1</source>
        <translation>подготовлено за %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>converted to %1 in %2</source>
        <extracomment>&quot;converted to live|matview in &lt;seconds&gt;&quot;: keep the mode&apos;s name</extracomment>
        <translation>переведено в режим %1 за %2</translation>
    </message>
</context>
<context>
    <name>mvdash::LocalCluster</name>
    <message>
        <location filename="../../app/localcluster.cpp" line="+102"/>
        <source>citus-local.sh %1 failed: %2</source>
        <extracomment>&quot;citus-local.sh &lt;init|start|stop&gt; failed: &lt;its last error line&gt;&quot;; keep the script&apos;s name</extracomment>
        <translation>citus-local.sh %1 завершился с ошибкой: %2</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>%1 failed: %2</source>
        <extracomment>&quot;&lt;initdb|pg_ctl|...&gt; failed: &lt;its last error line&gt;&quot;</extracomment>
        <translation>%1 завершился с ошибкой: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PostgreSQL server binaries not found under /usr/lib/postgresql (install postgresql-15)</source>
        <extracomment>keep the path and the package name as they are</extracomment>
        <translation>исполняемые файлы сервера PostgreSQL не найдены в /usr/lib/postgresql (установите postgresql-15)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Citus is not installed into PostgreSQL (run %1 build)</source>
        <extracomment>&quot;... (run &lt;script&gt; build)&quot;: keep the command as it is</extracomment>
        <translation>Citus не установлен в PostgreSQL (выполните %1 build)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no three free loopback ports for a Citus cluster</source>
        <translation>не удалось найти три свободных порта на loopback-интерфейсе для кластера Citus</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cannot write %1</source>
        <translation>не удаётся записать %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>openssl could not make a test certificate: %1</source>
        <translation>openssl не удалось создать тестовый сертификат: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>could not give the test certificate to the postgres user: %1</source>
        <extracomment>a test certificate for the private cluster: chown failed</extracomment>
        <translation>не удалось передать тестовый сертификат пользователю postgres: %1</translation>
    </message>
</context>
<context>
    <name>mvdash::Main</name>
    <message>
        <location filename="../../app/main.cpp" line="+149"/>
        <source>Dashboard of an event-sourced betting platform&apos;s materialized views.</source>
        <translation>Панель мониторинга материализованных представлений платформы ставок, построенной на event sourcing.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>libpq connection string or URI (no password: use ~/.pgpass).</source>
        <translation>Строка подключения libpq или URI (без пароля: используйте ~/.pgpass).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the private demo database (started and seeded if needed).</source>
        <translation>Открыть личную демонстрационную базу данных (при необходимости она запускается и наполняется данными).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --demo: on a local Citus 13 cluster.</source>
        <translation>С --demo: на локальном кластере Citus 13.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --demo: events to seed a new demo (default 1000000).</source>
        <translation>С --demo: число событий для наполнения новой демо-базы (по умолчанию 1000000).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Render every panel to PNG files in DIR and exit.</source>
        <translation>Отрисовать все панели в PNG-файлы в каталоге DIR и выйти.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of the interface: en or ru (default: the setting, else the system&apos;s).</source>
        <translation>Язык интерфейса: en или ru (по умолчанию — из настроек, иначе системный).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log to the console too.</source>
        <translation>Выводить журнал также в консоль.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>-h, -v and their long forms are options, not values</source>
        <translation>-h, -v и их длинные формы — это параметры, а не значения</translation>
    </message>
</context>
<context>
    <name>mvdash::MainMenu</name>
    <message>
        <location filename="../../ui/mainmenu.cpp" line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Подключиться…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another database (the dashboard starts again on it)</source>
        <translation>Открыть другую базу данных (панель мониторинга перезапустится с ней)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export payments to CSV…</source>
        <translation>&amp;Экспорт платежей в CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the tenant&apos;s payments, as filtered, to a CSV file</source>
        <translation>Сохранить платежи арендатора с учётом фильтров в CSV-файл</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Reload</source>
        <translation>&amp;Перезагрузить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load every panel&apos;s data again now</source>
        <translation>Заново загрузить данные всех панелей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <extracomment>focuses the search or filter field of the panel in front</extracomment>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Messages…</source>
        <translation>&amp;Сообщения…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Documentation</source>
        <translation>&amp;Документация</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About mvdash</source>
        <translation>&amp;О программе mvdash</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
</context>
<context>
    <name>mvdash::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+84"/>
        <source>Search tenants…</source>
        <translation>Поиск арендаторов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant:</source>
        <translation>Арендатор:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Summary</source>
        <extracomment>navigation: the tenant&apos;s key figures</extracomment>
        <translation>Сводка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Players</source>
        <translation>Игроки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Платежи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <extracomment>navigation: one user of the tenant looked up</extracomment>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All tenants</source>
        <translation>Все арендаторы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <extracomment>navigation: the panel that refreshes the views (noun)</extracomment>
        <translation>Обновление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sizes</source>
        <extracomment>navigation: the views&apos; sizes on disk</extracomment>
        <translation>Размеры</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diagnostics</source>
        <translation>Диагностика</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This panel shows every tenant.</source>
        <translation>Эта панель показывает всех арендаторов.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Messages</source>
        <extracomment>the window listing the errors and notes of this session</extracomment>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location line="+326"/>
        <source>● connected: %1</source>
        <extracomment>%1 says where (host, database)</extracomment>
        <translation>● подключено: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>● offline</source>
        <translation>● нет подключения</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The server rejected the password: %1 — not sent again (a few failed logins may lock the account): File &gt; Connect… to enter it</source>
        <extracomment>%1 is the server&apos;s refusal</extracomment>
        <translation>Сервер отклонил пароль: %1 — повторно он не отправляется (несколько неудачных входов могут заблокировать учётную запись): введите его в Файл &gt; Подключиться…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection lost: %1 — retrying every 5 s</source>
        <translation>Соединение потеряно: %1 — повтор каждые 5 с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not connected yet: %1 — retrying every 5 s</source>
        <extracomment>the first connection of this window failed (%1: why)</extracomment>
        <translation>Ещё не подключено: %1 — повтор каждые 5 с</translation>
    </message>
    <message>
        <location line="-321"/>
        <source>tenants</source>
        <translation>арендаторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refresh health</source>
        <translation>состояние обновления</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view sizes</source>
        <translation>размеры представлений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payments</source>
        <translation>платежи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>top players</source>
        <translation>топ игроков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bets by status</source>
        <translation>ставки по статусам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refresh history</source>
        <translation>история обновлений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size trend</source>
        <translation>динамика размеров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user</source>
        <translation>пользователь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the diagnostics</source>
        <translation>диагностика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the per-tenant copies</source>
        <translation>копии для арендаторов</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Reading the session&apos;s role failed: %1</source>
        <extracomment>%1 is the server&apos;s error; without the role the ops panels stay hidden</extracomment>
        <translation>Не удалось узнать роль сеанса: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading how far behind the read models are failed: %1</source>
        <extracomment>%1 is the server&apos;s error; the badge then shows no lag until an answer</extracomment>
        <translation>Не удалось узнать отставание моделей чтения: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copy the selected cells (tab-separated, exact values)</source>
        <translation>Копировать выделенные ячейки (через табуляцию, точные значения)</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>● connected, no mvdash schema: %1</source>
        <extracomment>%1 says where (host, database): connected, but mvdash is not installed there</extracomment>
        <translation>● подключено, схемы mvdash нет: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>● connected, no access to mvdash: %1</source>
        <extracomment>%1 says where (host, database): connected, but the role may read none of mvdash</extracomment>
        <translation>● подключено, доступа к mvdash нет: %1</translation>
    </message>
    <message>
        <location line="+108"/>
        <source> · live, behind (%1 s)</source>
        <extracomment>appended to &quot;Data as of ...&quot; for a tenant administrator: the steps are so far behind that its events were not counted; %1 for how long (&quot;95.0&quot;)</extracomment>
        <translation> · live, отставание (%1 с)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · live, no event behind</source>
        <extracomment>appended to &quot;Data as of ...&quot; for a tenant administrator: the live read models lack none of its tenant&apos;s events</extracomment>
        <translation> · live, отставания нет</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source> · live, %n event(s) behind (%1 s)</source>
        <extracomment>appended to &quot;Data as of ...&quot; for a tenant administrator: the live read models lack this many of its tenant&apos;s events, %1 for how long (&quot;0.8&quot;)</extracomment>
        <translation>
            <numerusform> · live, отставание %n событие (%1 с)</numerusform>
            <numerusform> · live, отставание %n события (%1 с)</numerusform>
            <numerusform> · live, отставание %n событий (%1 с)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 ms</source>
        <extracomment>the last step&apos;s duration in the badge: &quot;5.2 ms&quot;, &quot;225 ms&quot;</extracomment>
        <translation>%1 мс</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · live, no event behind, last step %1</source>
        <extracomment>appended to &quot;Data as of ...&quot;: the live read models lack nothing; %1 the duration of the last step (&quot;5.2 ms&quot;)</extracomment>
        <translation> · live, отставания нет, последний шаг %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source> · live, %n event(s) behind (%1 s), last step %2</source>
        <extracomment>appended to &quot;Data as of ...&quot;: the live read models lack this many events, %1 for how long (&quot;0.8&quot;), %2 the duration of the last step (&quot;5.2 ms&quot;)</extracomment>
        <translation>
            <numerusform> · live, отставание %n событие (%1 с), последний шаг %2</numerusform>
            <numerusform> · live, отставание %n события (%1 с), последний шаг %2</numerusform>
            <numerusform> · live, отставание %n событий (%1 с), последний шаг %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>events waiting %1 s</source>
        <translation>события ждут %1 с</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Behind schedule:
%1</source>
        <translation>Отставание от расписания:
%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The read models are brought up about every %1: late past %2 of waiting, stale past %3.</source>
        <extracomment>the badge&apos;s tooltip in live mode when steps come every few minutes: %1 how often (&quot;5 min&quot;), %2 and %3 the stretched limits (&quot;7 min&quot;, &quot;15 min&quot;)</extracomment>
        <translation>Модели чтения обновляются примерно каждые %1: запаздывают после %2 ожидания, устарели после %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database does not tell how far behind its read models are: it lacks migration 035 (an operator runs mvdash-admin migrate).</source>
        <extracomment>the badge&apos;s tooltip for a tenant administrator on a database not yet migrated</extracomment>
        <translation>База данных не сообщает, насколько отстают её модели чтения: в ней нет миграции 035 (оператор запускает mvdash-admin migrate).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>TLS (sslmode=%1)</source>
        <translation>TLS (sslmode=%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no TLS (sslmode=%1)</source>
        <translation>без TLS (sslmode=%1)</translation>
    </message>
    <message>
        <location line="-486"/>
        <source>Export failed: %1</source>
        <translation>Ошибка экспорта: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Экспорт отменён; файл не записан.</translation>
    </message>
    <message>
        <location line="+303"/>
        <source>Connection lost, then reconnected at %1.</source>
        <translation>Соединение было потеряно и восстановлено в %1.</translation>
    </message>
    <message numerus="yes">
        <location line="-369"/>
        <location line="+385"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n сообщение</numerusform>
            <numerusform>%n сообщения</numerusform>
            <numerusform>%n сообщений</numerusform>
        </translation>
    </message>
    <message>
        <location line="-26"/>
        <source>The server refused the login: %1 — check the user, the password (File &gt; Connect… or ~/.pgpass) and the database; trying again every minute</source>
        <extracomment>%1 is the server&apos;s refusal</extracomment>
        <translation>Сервер отказал во входе: %1 — проверьте пользователя, пароль (Файл &gt; Подключиться… или ~/.pgpass) и базу данных; повторная попытка раз в минуту</translation>
    </message>
    <message numerus="yes">
        <location line="-303"/>
        <source>Exported %Ln payment(s) to %1</source>
        <translation>
            <numerusform>Экспортирован %Ln платёж в %1</numerusform>
            <numerusform>Экспортировано %Ln платежа в %1</numerusform>
            <numerusform>Экспортировано %Ln платежей в %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+128"/>
        <source>The language changes when mvdash starts again.</source>
        <translation>Язык сменится после перезапуска mvdash.</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>reloaded %1</source>
        <translation>данные загружены: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading %1 failed: %2</source>
        <extracomment>%1 is what was loading (&quot;tenants&quot;, &quot;the user&quot;, ...), %2 the server&apos;s error</extracomment>
        <translation>Ошибка загрузки данных «%1»: %2</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>no data yet</source>
        <translation>данных пока нет</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Data as of %1 (%2 ago)%5 &lt;span style=&apos;color:%3&apos;&gt;● %4&lt;/span&gt;</source>
        <extracomment>the header&apos;s badge: %1 a time, %2 an age (&quot;3 min&quot;), %5 the live lag or nothing, %3 a colour (keep), %4 the freshness (&quot;fresh&quot;, &quot;late&quot;, &quot;stale&quot;)</extracomment>
        <translation>Данные на %1 (%2 назад)%5 &lt;span style=&apos;color:%3&apos;&gt;● %4&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>never refreshed</source>
        <translation>ни разу не обновлялись</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every view is within its refresh interval.</source>
        <translation>Все представления обновлены в пределах своих интервалов.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>PostgreSQL %1 · %2 · role %3 · %4</source>
        <extracomment>status bar: %1 server version, %2 Citus or not, %3 the database role, %4 TLS or not</extracomment>
        <translation>PostgreSQL %1 · %2 · роль %3 · %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no Citus</source>
        <translation>без Citus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citus %1</source>
        <translation>Citus %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (tenant administrator)</source>
        <translation>%1 (администратор арендатора)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Role %1 may read none of mvdash&apos;s views: ask the database&apos;s owner for mvdash_reader (ops, support), mvdash_operator (to refresh too) or a tenant&apos;s grant (`mvdash-admin grant-tenant`), then File &gt; Connect…</source>
        <extracomment>keep the role names and the command as they are</extracomment>
        <translation>Роль %1 не может читать ни одно представление mvdash: попросите владельца базы данных выдать mvdash_reader (эксплуатация, поддержка), mvdash_operator (также для обновления) или доступ к арендатору (`mvdash-admin grant-tenant`), затем Файл &gt; Подключиться…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database %1 has no mvdash schema: the wrong database (File &gt; Connect…), or one not migrated yet (its owner runs mvdash-admin migrate; this window looks again at each reload)</source>
        <extracomment>%1 the database&apos;s name; keep the command as it is</extracomment>
        <translation>В базе данных %1 нет схемы mvdash: это не та база (Файл &gt; Подключиться…) или миграции ещё не применены (владелец выполняет mvdash-admin migrate; окно проверяет снова при каждой перезагрузке)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to refresh: this database has no mvdash schema.</source>
        <translation>Обновлять нечего: в этой базе данных нет схемы mvdash.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role %1 may not refresh views (it needs mvdash_operator).</source>
        <translation>Роль %1 не может обновлять представления (нужна роль mvdash_operator).</translation>
    </message>
</context>
<context>
    <name>mvdash::MigrationRunner</name>
    <message>
        <location filename="../../models/operations/migrationrunner.cpp" line="+85"/>
        <source>%1 was applied with checksum %2 but the file now has %3</source>
        <translation>%1: при применении контрольная сумма была %2, а сейчас у файла %3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>an applied migration was edited, refusing to go on: %1</source>
        <translation>применённая миграция была изменена, работа прервана: %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>refusing to migrate: the database has event tables that are not the spec&apos;s (%1). mvdash adopts the platform&apos;s event tables when they are; nothing was changed.</source>
        <extracomment>%1: what differs (&quot;public.payment_events.amount is text, the spec&apos;s is numeric(18,2); ...&quot;)</extracomment>
        <translation>миграция отклонена: таблицы событий в базе не соответствуют спецификации (%1). mvdash принимает таблицы событий платформы, если они ей соответствуют; ничего не изменено.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>schema %1 (%2 may create in it)</source>
        <extracomment>&quot;schema &lt;schema&gt; (&lt;roles&gt; may create in it)&quot;</extracomment>
        <translation>схема %1 (право на создание объектов: %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refusing to migrate: roles other than the owner can create objects in %1. Such a role could plant a function that mvdash&apos;s functions would run with the owner&apos;s rights. Nothing was changed. Take the privilege back first, e.g. REVOKE CREATE ON SCHEMA public FROM PUBLIC;</source>
        <extracomment>%1: the schemas (&quot;schema public (alice may create in it); ...&quot;); keep the SQL as it is</extracomment>
        <translation>миграция отклонена: объекты могут создавать не только владелец, но и другие роли — %1. Такая роль могла бы подложить функцию, которую функции mvdash выполнят с правами владельца. Ничего не изменено. Сначала отзовите это право, например: REVOKE CREATE ON SCHEMA public FROM PUBLIC;</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>schema %1</source>
        <extracomment>what migrate found made by another role: &quot;schema mvdash&quot;</extracomment>
        <translation>схема %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>table %1</source>
        <extracomment>what migrate found made by another role: &quot;table public.schema_migrations&quot;</extracomment>
        <translation>таблица %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refusing to migrate: %1 exists already and belongs to %2, not to %3, the role migrating. %2 could replace what mvdash installs there or record migrations as applied, and what it put there would run in the sessions of mvdash&apos;s users. Nothing was changed. Migrate as %2; or, if it was not made for mvdash, look at what it holds and drop it (DROP SCHEMA or DROP TABLE), then migrate again.</source>
        <extracomment>%1 &quot;schema mvdash&quot; or &quot;table public.schema_migrations&quot;, %2 its owner, %3 the role migrating; keep the SQL as it is</extracomment>
        <translation>миграция отклонена: %1 уже существует и принадлежит роли %2, а не %3 — роли, выполняющей миграцию. %2 может подменить то, что mvdash туда устанавливает, или записать миграции как применённые, и подложенное выполнится в сеансах пользователей mvdash. Ничего не изменено. Выполните миграцию от имени %2; или, если это создано не для mvdash, посмотрите, что там лежит, удалите (DROP SCHEMA или DROP TABLE) и запустите миграцию снова.</translation>
    </message>
</context>
<context>
    <name>mvdash::Monitoring</name>
    <message>
        <location filename="../../models/operations/monitoring.cpp" line="+138"/>
        <source>the database is not migrated: run `mvdash-admin migrate` first</source>
        <extracomment>keep the command as it is</extracomment>
        <translation>миграции базы данных не применены: сначала выполните `mvdash-admin migrate`</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>the database lacks %n migration(s) (next: %1): run `mvdash-admin migrate`</source>
        <extracomment>&quot;the database lacks &lt;n migrations&gt; (next: &lt;file name&gt;): run `mvdash-admin migrate`&quot;; keep the command as it is</extracomment>
        <translation>
            <numerusform>в базе данных не применена %n миграция (следующая: %1): выполните `mvdash-admin migrate`</numerusform>
            <numerusform>в базе данных не применены %n миграции (следующая: %1): выполните `mvdash-admin migrate`</numerusform>
            <numerusform>в базе данных не применено %n миграций (следующая: %1): выполните `mvdash-admin migrate`</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsExport</name>
    <message>
        <location filename="../../models/items/paymentsmodel.cpp" line="+225"/>
        <location line="+42"/>
        <source>cannot write %1: %2</source>
        <extracomment>the export&apos;s file could not be written; %2 is the system&apos;s reason</extracomment>
        <translation>не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsModel</name>
    <message>
        <location line="-92"/>
        <source>loading…</source>
        <extracomment>a row of payments being fetched again</extracomment>
        <translation>загрузка…</translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsPanel</name>
    <message>
        <location filename="../../ui/panels/paymentspanel.cpp" line="+29"/>
        <source>any</source>
        <extracomment>a filter&apos;s choice: no restriction</extracomment>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>any</source>
        <comment>date bound</comment>
        <extracomment>a date filter left open: no bound on this side</extracomment>
        <translation>не задано</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user id</source>
        <extracomment>placeholder of the filter field: a user&apos;s id</extracomment>
        <translation>ID пользователя</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <extracomment>the first day of payments shown</extracomment>
        <translation>С</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <extracomment>the last day of payments shown</extracomment>
        <translation>По</translation>
    </message>
    <message numerus="yes">
        <location line="+82"/>
        <source>%Ln payment(s)</source>
        <translation>
            <numerusform>%Ln платёж</numerusform>
            <numerusform>%Ln платежа</numerusform>
            <numerusform>%Ln платежей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln payment(s) loaded, more as you scroll</source>
        <translation>
            <numerusform>Загружен %Ln платёж, остальные — при прокрутке</numerusform>
            <numerusform>Загружено %Ln платежа, остальные — при прокрутке</numerusform>
            <numerusform>Загружено %Ln платежей, остальные — при прокрутке</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An export is already running: wait for it or cancel it first.</source>
        <translation>Экспорт уже идёт: дождитесь его или сначала отмените.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Exporting payments… %Ln row(s)</source>
        <translation>
            <numerusform>Экспорт платежей… %Ln строка</numerusform>
            <numerusform>Экспорт платежей… %Ln строки</numerusform>
            <numerusform>Экспорт платежей… %Ln строк</numerusform>
        </translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Export payments</source>
        <translation>Экспорт платежей</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting payments…</source>
        <translation>Экспорт платежей…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>mvdash::PlayersPanel</name>
    <message>
        <location filename="../../ui/panels/playerspanel.cpp" line="+23"/>
        <source>Top 10: wagered vs winnings</source>
        <translation>Топ-10: поставлено и выиграно</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top %1</source>
        <extracomment>how many players the list shows: &quot;Top 10&quot;</extracomment>
        <translation>Топ-%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by wagered</source>
        <extracomment>the list&apos;s order: by the money wagered</extracomment>
        <translation>по сумме ставок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by winnings</source>
        <translation>по выигрышам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by number of bets</source>
        <translation>по числу ставок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by balance</source>
        <translation>по балансу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by last activity</source>
        <translation>по последней активности</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click or Enter opens the user</source>
        <translation>Двойной щелчок или Enter — открыть пользователя</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Wagered</source>
        <translation>Поставлено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Winnings</source>
        <translation>Выигрыши</translation>
    </message>
</context>
<context>
    <name>mvdash::RefreshHealthModel</name>
    <message>
        <location filename="../../models/items/refreshhealthmodel.cpp" line="+140"/>
        <source>yes</source>
        <extracomment>the view holds data</extracomment>
        <translation>да</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no — run Refresh</source>
        <extracomment>the view holds no data; &quot;Refresh&quot; is the button that fills it</extracomment>
        <translation>нет — выполните обновление</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>never</source>
        <extracomment>last refresh: the view was never refreshed</extracomment>
        <translation>никогда</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt; 1 min</source>
        <extracomment>the age of a refresh under a minute</extracomment>
        <translation>&lt; 1 мин</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: live, judged by how long committed events wait for a step (late after %2 s, stale after %3 s)</source>
        <extracomment>a live read model&apos;s cell: %1 view, %2 and %3 seconds, when committed events waiting for a step make it late and stale (the colour)</extracomment>
        <translation>%1: live, оценивается по тому, сколько зафиксированные события ждут шага (запаздывает после %2 с, устарело после %3 с)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>schedule every %1 s (late after %1 s, stale after %2 s)</source>
        <extracomment>%1 and %2 seconds: when a view counts as late and as stale</extracomment>
        <translation>расписание: каждые %1 с (запаздывание — после %1 с, устаревание — после %2 с)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: refreshed %2 ago; %3</source>
        <translation>%1: обновлено %2 назад; %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: never refreshed; %2</source>
        <extracomment>%1 view, %2 the schedule</extracomment>
        <translation>%1: ни разу не обновлялось; %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>matview mode: the views are as old as their last refresh</source>
        <translation>режим matview: данные представлений актуальны на момент их последнего обновления</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>committed events not in the live read models yet</source>
        <translation>зафиксированные события, которых ещё нет в моделях чтения live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed events not in the live read models yet; held back by a writer still in its transaction: %1</source>
        <translation>зафиксированные события, которых ещё нет в моделях чтения live; их задерживает запись в незавершённой транзакции: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>live read model: kept up to date by incremental steps (mvdash-admin follow), every read model at once</source>
        <translation>модель чтения live: поддерживается в актуальном состоянии инкрементальными шагами (mvdash-admin follow), все модели чтения сразу</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has a unique index: refreshed CONCURRENTLY once populated</source>
        <translation>есть уникальный индекс: после заполнения обновляется с CONCURRENTLY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no unique index: only a plain refresh (blocks readers)</source>
        <translation>нет уникального индекса: только обычное обновление (блокирует чтение)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>View</source>
        <extracomment>column title: the materialized view (read model)</extracomment>
        <translation>Представление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Populated</source>
        <extracomment>column title: whether the view holds data (yes / no)</extracomment>
        <translation>Заполнено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <extracomment>column title: how the next refresh runs (CONCURRENTLY, plain, live)</extracomment>
        <translation>Метод</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last refresh</source>
        <extracomment>column title: when the view was last refreshed</extracomment>
        <translation>Последнее обновление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <extracomment>column title: time since the last refresh</extracomment>
        <translation>Давность</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Avg ms</source>
        <extracomment>column title: average refresh duration in milliseconds</extracomment>
        <translation>Сред. мс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last ms</source>
        <extracomment>column title: duration of the last refresh in milliseconds</extracomment>
        <translation>Посл. мс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count</source>
        <extracomment>column title: how many times the view was refreshed</extracomment>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <extracomment>column title: what the running refresh is doing with this view</extracomment>
        <translation>Прогресс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Behind (events)</source>
        <extracomment>column title: committed events not yet applied to the live read model</extracomment>
        <translation>Отстаёт, событий</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>≈ %1</source>
        <extracomment>matview mode: about this many events are not in the view (&quot;≈ 1,234&quot;)</extracomment>
        <translation>≈ %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>matview mode: about how many events arrived since the view&apos;s last refresh: the arrivals taken since (a write rolled back counts too, one still open when the refresh began does not); the view shows them after its next refresh</source>
        <translation>режим matview: примерно сколько событий поступило после последнего обновления представления — номера поступления, выданные с тех пор (откаченная запись тоже учитывается, открытая в момент начала обновления — нет); представление покажет их после следующего обновления</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>how far behind in time the live read models are while committed events wait: seconds since the step they are as of (0 when none waits)</source>
        <translation>насколько модели чтения live отстают по времени, пока зафиксированные события ждут: секунд с шага, на момент которого они показаны (0, когда ничего не ждёт)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Behind (s)</source>
        <extracomment>column title: how far behind in time the live read models are while committed events wait (0 when none waits)</extracomment>
        <translation>Отстаёт, с</translation>
    </message>
</context>
<context>
    <name>mvdash::RefreshPanel</name>
    <message>
        <location filename="../../ui/panels/refreshpanel.cpp" line="+30"/>
        <source>Refresh all</source>
        <translation>Обновить все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh selected</source>
        <translation>Обновить выбранные</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <extracomment>stops the refresh that runs</extracomment>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>refreshing (%1)…</source>
        <extracomment>%1 is the refresh method (CONCURRENTLY, plain)</extracomment>
        <translation>обновление (%1)…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Refreshing %1…</source>
        <extracomment>%1 is the view being refreshed, or several separated by commas</extracomment>
        <translation>Обновление %1…</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>ok, %1 ms</source>
        <extracomment>a view&apos;s refresh went well and took %1 milliseconds</extracomment>
        <translation>успешно, %1 мс</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refresh cancelled: the view being refreshed kept its previous contents.</source>
        <translation>Обновление отменено: обновлявшееся представление сохранило прежнее содержимое.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh finished.</source>
        <translation>Обновление завершено.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh stopped: %1</source>
        <translation>Обновление прервано: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>live step (every read model)</source>
        <extracomment>the Refresh chart&apos;s legend in live mode: one step brings every read model up</extracomment>
        <translation>шаг live (все модели чтения)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ms</source>
        <extracomment>the chart&apos;s axis title: milliseconds</extracomment>
        <translation>мс</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Live step duration (ms): each step brings every read model up</source>
        <translation>Длительность шага live (мс): каждый шаг обновляет все модели чтения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh duration per view (ms)</source>
        <translation>Длительность обновления по представлениям (мс)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Run one live step now: every read model up to the newest committed events</source>
        <translation>Выполнить шаг live сейчас: все модели чтения — до последних зафиксированных событий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh every view, dependencies first (CONCURRENTLY where possible)</source>
        <translation>Обновить все представления, сначала зависимости (CONCURRENTLY, где возможно)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run one live step now (Ctrl+R): a step brings every read model up, not only the selected ones</source>
        <translation>Выполнить шаг live сейчас (Ctrl+R): шаг обновляет все модели чтения, а не только выбранные</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh the selected views (Ctrl+R)</source>
        <translation>Обновить выбранные представления (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>mvdash::RefreshRunner</name>
    <message>
        <location filename="../../models/operations/refreshrunner.cpp" line="+179"/>
        <source>unknown materialized view: %1 (known: %2)</source>
        <extracomment>%1 the name given, %2 the views refresh knows, comma-separated</extracomment>
        <translation>неизвестное материализованное представление: %1 (известны: %2)</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>the view no longer exists (dropped during the run)</source>
        <translation>представление больше не существует (удалено во время выполнения)</translation>
    </message>
</context>
<context>
    <name>mvdash::ReloadableModel</name>
    <message>
        <location filename="../../models/items/reloadablemodel.cpp" line="+57"/>
        <source>%1: done</source>
        <translation>%1: готово</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed: %2</source>
        <translation>%1: ошибка: %2</translation>
    </message>
</context>
<context>
    <name>mvdash::SettingsFile</name>
    <message>
        <location filename="../../models/db/settingsfile.cpp" line="+30"/>
        <source>The settings file %1 cannot be read and cannot be moved aside; settings will not be saved until it is fixed or removed.</source>
        <translation>Файл настроек %1 не удаётся ни прочитать, ни переименовать; настройки не будут сохраняться, пока файл не исправят или не удалят.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The settings file %1 could not be read; it was kept as %2 and mvdash starts from default settings.</source>
        <translation>Не удалось прочитать файл настроек %1; он сохранён как %2, а mvdash запускается с настройками по умолчанию.</translation>
    </message>
</context>
<context>
    <name>mvdash::SizesPanel</name>
    <message>
        <location filename="../../ui/panels/sizespanel.cpp" line="+25"/>
        <source>Size of each view (MB)</source>
        <translation>Размер каждого представления (МБ)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Size trend per view (MB): after each refresh; live mode: every 5 min</source>
        <translation>Размер по представлениям (МБ): после обновлений; live — раз в 5 мин</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MB</source>
        <extracomment>the chart&apos;s axis title: megabytes</extracomment>
        <translation>МБ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All views: %1 of %2 in the event tables = %3 (the guide expects 10–30%)</source>
        <extracomment>%1 and %2 sizes (&quot;1.2 GB&quot;), %3 a percentage</extracomment>
        <translation>Все представления: %1 при %2 в таблицах событий = %3 (по руководству ожидается 10–30%)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sizes as of %1: on Citus they are sampled at most once a minute, by the follower or a refresh, not asked of every worker at each reload</source>
        <extracomment>%1 a time of day; on Citus the sizes come from a sample taken at most once a minute</extracomment>
        <translation>Размеры на %1: в Citus их замеряет не чаще раза в минуту «mvdash-admin follow» или обновление, а не запрашивают у каждого воркера при каждой перезагрузке</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Table</source>
        <extracomment>the chart&apos;s legend: the views&apos; table (heap) size and their indexes&apos; size</extracomment>
        <translation>Таблица</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indexes</source>
        <translation>Индексы</translation>
    </message>
</context>
<context>
    <name>mvdash::StatementPool</name>
    <message>
        <location filename="../../models/operations/statementpool.cpp" line="+30"/>
        <source>cannot open more sessions like this one: %1</source>
        <extracomment>&quot;cannot open more sessions like this one: &lt;why&gt;&quot;</extracomment>
        <translation>не удаётся открыть ещё сеансы с такими же параметрами: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>the statements wait on each other in a circle</source>
        <extracomment>a rebuild&apos;s plan is broken: no statement can start</extracomment>
        <translation>операторы ждут друг друга по кругу</translation>
    </message>
</context>
<context>
    <name>mvdash::SummaryPanel</name>
    <message>
        <location filename="../../ui/panels/summarypanel.cpp" line="+26"/>
        <source>Deposits vs withdrawals</source>
        <translation>Депозиты и выводы средств</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bets by status</source>
        <translation>Ставки по статусам</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Total bets</source>
        <translation>Всего ставок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active bets</source>
        <translation>Активные ставки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total stake</source>
        <translation>Сумма ставок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+47"/>
        <source>Deposits</source>
        <translation>Депозиты</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+47"/>
        <source>Withdrawals</source>
        <translation>Выводы средств</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Net deposits</source>
        <translation>Чистые депозиты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total balance</source>
        <translation>Общий баланс</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The sum of the completed payments&apos; amounts in every currency, as recorded: mvdash does not convert currencies. The Payments panel lists each payment with its currency.</source>
        <translation>Сумма завершённых платежей во всех валютах, как они записаны: mvdash не пересчитывает валюты. Панель «Платежи» показывает каждый платёж с его валютой.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1: %2 (%3%)</source>
        <extracomment>a slice of the bets chart: status, count and share (&quot;Settled: 7,790 (70%)&quot;)</extracomment>
        <translation>%1: %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>mvdash::TenantCopiesModel</name>
    <message>
        <location filename="../../models/items/tenantcopiesmodel.cpp" line="+16"/>
        <source>Creating the copy of %1 for tenant %2</source>
        <translation>Создание копии %1 для арендатора %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dropping %1</source>
        <translation>Удаление %1</translation>
    </message>
</context>
<context>
    <name>mvdash::TenantsPanel</name>
    <message>
        <location filename="../../ui/panels/tenantspanel.cpp" line="+22"/>
        <source>Filter tenants (name, slug, status, plan)…</source>
        <translation>Фильтр арендаторов (название, короткое имя, статус, тариф)…</translation>
    </message>
</context>
<context>
    <name>mvdash::UserPanel</name>
    <message>
        <location filename="../../ui/panels/userpanel.cpp" line="+27"/>
        <source>User id (prefix search; Enter looks up)</source>
        <translation>ID пользователя (поиск по префиксу; Enter — найти)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+57"/>
        <location line="+30"/>
        <source>Active bets</source>
        <translation>Активные ставки</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Recent bets</source>
        <translation>Последние ставки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits</source>
        <translation>Депозиты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawals</source>
        <translation>Выводы средств</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Look up a user of the selected tenant</source>
        <translation>Найдите пользователя выбранного арендатора</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Looking up %1…</source>
        <translation>Поиск %1…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not updated: %1. The figures below are from the last lookup that succeeded.</source>
        <extracomment>%1 is the server&apos;s error</extracomment>
        <translation>Не обновлено: %1. Ниже — показатели последнего успешного поиска.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking up %1 failed</source>
        <extracomment>%1 is the user id</extracomment>
        <translation>Не удалось загрузить данные пользователя %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No user “%1” in this tenant</source>
        <translation>У этого арендатора нет пользователя «%1»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No committed event of this user in this tenant, checked to the last committed event.</source>
        <translation>У этого арендатора нет зафиксированных событий этого пользователя (проверено до последнего зафиксированного события).</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>⚠ A new user: %n event(s) of this user arrived after the views&apos; refresh at %1 (%2 ago); they show after the next refresh.</source>
        <translation>
            <numerusform>⚠ Новый пользователь: %n его событие поступило после обновления представлений в %1 (%2 назад); оно появится после следующего обновления.</numerusform>
            <numerusform>⚠ Новый пользователь: %n его события поступили после обновления представлений в %1 (%2 назад); они появятся после следующего обновления.</numerusform>
            <numerusform>⚠ Новый пользователь: %n его событий поступили после обновления представлений в %1 (%2 назад); они появятся после следующего обновления.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No event of this user has arrived since the views&apos; refresh at %1 either: check the id.</source>
        <translation>После обновления представлений в %1 событий этого пользователя тоже не поступало: проверьте идентификатор.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user may be new: their events appear after the next refresh of the views.</source>
        <translation>Возможно, пользователь новый: его события появятся после следующего обновления представлений.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Active bets (newest %L1 of %L2)</source>
        <translation>Активные ставки (последние %L1 из %L2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active bets (%L1)</source>
        <translation>Активные ставки (%L1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✓ Exact to the last committed event, the lists below too (as of %1).</source>
        <translation>✓ Точно до последнего зафиксированного события, списки ниже тоже (на %1).</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Figures exact to the last committed event: they include %n event(s) of this user not yet in the live read models. ⚠ The lists below may lack them until the next step (as of %1).</source>
        <translation>
            <numerusform>Показатели точны до последнего зафиксированного события: в них включено %n событие пользователя, которого ещё нет в моделях чтения live. ⚠ В списках ниже его может не быть до следующего шага (на %1).</numerusform>
            <numerusform>Показатели точны до последнего зафиксированного события: в них включены %n события пользователя, которых ещё нет в моделях чтения live. ⚠ В списках ниже их может не быть до следующего шага (на %1).</numerusform>
            <numerusform>Показатели точны до последнего зафиксированного события: в них включено %n событий пользователя, которых ещё нет в моделях чтения live. ⚠ В списках ниже их может не быть до следующего шага (на %1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>✓ Up to date: no event of this user has arrived since the views&apos; refresh at %1 (%2 ago).</source>
        <translation>✓ Актуально: после обновления представлений в %1 (%2 назад) событий этого пользователя не поступало.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>⚠ %n event(s) of this user arrived after the views&apos; refresh at %1 (%2 ago) and are not in these figures yet.</source>
        <translation>
            <numerusform>⚠ %n событие пользователя поступило после обновления представлений в %1 (%2 назад) и ещё не вошло в эти показатели.</numerusform>
            <numerusform>⚠ %n события пользователя поступили после обновления представлений в %1 (%2 назад) и ещё не вошли в эти показатели.</numerusform>
            <numerusform>⚠ %n событий пользователя поступили после обновления представлений в %1 (%2 назад) и ещё не вошли в эти показатели.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counted by arrival. Not counted: an event written by a transaction that was still open when the refresh began.</source>
        <translation>Считается по поступлению. Не учитывается событие, записанное транзакцией, которая ещё была открыта, когда началось обновление.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The views have never been refreshed.</source>
        <translation>Представления ещё ни разу не обновлялись.</translation>
    </message>
</context>
<context>
    <name>mvdash::Values</name>
    <message>
        <location filename="../../models/items/format.cpp" line="-67"/>
        <source>active</source>
        <comment>tenant status</comment>
        <translation>активен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suspended</source>
        <comment>tenant status</comment>
        <translation>приостановлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <comment>tenant status</comment>
        <translation>закрыт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free</source>
        <comment>tenant plan</comment>
        <translation>бесплатный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pro</source>
        <comment>tenant plan</comment>
        <translation>профессиональный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enterprise</source>
        <comment>tenant plan</comment>
        <translation>корпоративный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>placed</source>
        <comment>bet status</comment>
        <translation>принята</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <comment>bet status</comment>
        <translation>подтверждена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>settled</source>
        <comment>bet status</comment>
        <translation>рассчитана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <comment>bet status</comment>
        <translation>отменена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voided</source>
        <comment>bet status</comment>
        <translation>аннулирована</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>win</source>
        <comment>bet result</comment>
        <translation>выигрыш</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <comment>bet result</comment>
        <translation>проигрыш</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>created</source>
        <comment>payment status</comment>
        <translation>создан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <comment>payment status</comment>
        <translation>в обработке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>completed</source>
        <comment>payment status</comment>
        <translation>проведён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <comment>payment status</comment>
        <translation>ошибка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <comment>payment status</comment>
        <translation>отменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deposit</source>
        <comment>payment type</comment>
        <translation>депозит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawal</source>
        <comment>payment type</comment>
        <translation>вывод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card</source>
        <comment>payment method</comment>
        <translation>карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bank_transfer</source>
        <comment>payment method</comment>
        <translation>банковский перевод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e_wallet</source>
        <comment>payment method</comment>
        <translation>электронный кошелёк</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>crypto</source>
        <comment>payment method</comment>
        <translation>криптовалюта</translation>
    </message>
</context>
<context>
    <name>mvdash::ViewSizeModel</name>
    <message>
        <location filename="../../models/items/refreshhealthmodel.cpp" line="+62"/>
        <source>the planner&apos;s estimate of the rows (exact after an ANALYZE of a small table)</source>
        <translation>оценка числа строк планировщиком (точная после ANALYZE небольшой таблицы)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown: on Citus the rows are in the shards, which a panel does not ask (mvdash-admin doctor counts them: storage.dead_rows); on PostgreSQL a materialized view not analyzed since its last plain refresh</source>
        <translation>неизвестно: в Citus строки лежат в шардах, которые панель не опрашивает (их считает mvdash-admin doctor: storage.dead_rows); в PostgreSQL — материализованное представление без ANALYZE после последнего обычного обновления</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>View</source>
        <extracomment>column title: the materialized view (read model)</extracomment>
        <translation>Представление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <extracomment>column title: total size on disk (table + indexes)</extracomment>
        <translation>Всего</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <extracomment>column title: size of the view&apos;s table (heap) on disk, without indexes</extracomment>
        <translation>Таблица</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indexes</source>
        <extracomment>column title: size of the view&apos;s indexes on disk</extracomment>
        <translation>Индексы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source># idx</source>
        <extracomment>column title, short: number of indexes</extracomment>
        <translation>Кол-во инд.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows</source>
        <extracomment>column title: estimated number of rows</extracomment>
        <translation>Строки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of events</source>
        <extracomment>column title: the view&apos;s size as a share of the event tables&apos; size</extracomment>
        <translation>Доля от событий</translation>
    </message>
</context>
<context>
    <name>mvdash::ViewVerifier</name>
    <message>
        <location filename="../../models/verification/viewverifier.cpp" line="+133"/>
        <source>%1.%2 is not verified: verify_%1.sql does not read it</source>
        <extracomment>&quot;&lt;view&gt;.&lt;column&gt; is not verified: verify_&lt;view&gt;.sql does not read it&quot;</extracomment>
        <translation>%1.%2 не проверяется: verify_%1.sql его не читает</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>verify_%1.sql does not read the key column %2</source>
        <extracomment>&quot;verify_&lt;view&gt;.sql does not read the key column &lt;column&gt;&quot;</extracomment>
        <translation>verify_%1.sql не читает ключевой столбец %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.%2 is not computed by the replay</source>
        <extracomment>&quot;&lt;view&gt;.&lt;column&gt; is not computed by the replay&quot;</extracomment>
        <translation>%1.%2 не вычисляется при воспроизведении</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: unexpected row %2</source>
        <extracomment>&quot;&lt;view&gt;: unexpected row &lt;key&gt;&quot;</extracomment>
        <translation>%1: лишняя строка %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2: %3 is %4, the events say %5</source>
        <extracomment>&quot;&lt;view&gt; &lt;key&gt;: &lt;column&gt; is &lt;value&gt;, the events say &lt;value&gt;&quot;</extracomment>
        <translation>%1 %2: %3 = %4, а по событиям — %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: missing row %2</source>
        <extracomment>&quot;&lt;view&gt;: missing row &lt;key&gt;&quot;</extracomment>
        <translation>%1: отсутствует строка %2</translation>
    </message>
</context>
</TS>
