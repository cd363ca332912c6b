<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../ui/helpdialogs.cpp" line="+30"/>
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
        <location line="+23"/>
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
    <name>mvdash::Columns</name>
    <message>
        <location filename="../../models/items/paymentsmodel.cpp" line="+66"/>
        <location filename="../../models/items/userlookup.cpp" line="+41"/>
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
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <extracomment>column title: payment method (card, bank transfer, ...)</extracomment>
        <translation>Способ</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+13"/>
        <location filename="../../models/items/userlookup.cpp" line="-19"/>
        <location line="+20"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="-8"/>
        <location line="+9"/>
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
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+3"/>
        <location filename="../../models/items/userlookup.cpp" line="+22"/>
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
        <location filename="../../models/items/tenantsummarymodel.cpp" line="-15"/>
        <source>Tenant</source>
        <translation>Арендатор</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+18"/>
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
        <location filename="../../models/items/tenantsummarymodel.cpp" line="-16"/>
        <source>Slug</source>
        <extracomment>column title: the tenant&apos;s short URL-safe name</extracomment>
        <translation>Короткое имя</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+2"/>
        <location filename="../../models/items/userlookup.cpp" line="-53"/>
        <source>Stake</source>
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
        <location filename="../../models/items/userlookup.cpp" line="-1"/>
        <source>Bet</source>
        <translation>Ставка</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+11"/>
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
        <location line="+30"/>
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
        <location filename="../../ui/connectiondialog.cpp" line="+22"/>
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
        <source>Passwords are never stored by mvdash: libpq reads them from ~/.pgpass, the service file or PGPASSWORD.</source>
        <translation>mvdash никогда не сохраняет пароли: libpq берёт их из ~/.pgpass, файла служб или PGPASSWORD.</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <name>mvdash::DiagnosticsPanel</name>
    <message>
        <location filename="../../ui/panels/diagnosticspanel.cpp" line="+31"/>
        <source>Only problems</source>
        <translation>Только проблемы</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+139"/>
        <source>Apply the fix</source>
        <translation>Применить исправление</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Run the checks</source>
        <translation>Запустить проверки</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+9"/>
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
        <location line="+9"/>
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
    <name>mvdash::DoctorModel</name>
    <message>
        <location filename="../../models/items/doctormodel.cpp" line="+24"/>
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
        <location filename="../../ui/panels/diagnosticspanel.cpp" line="-132"/>
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
</context>
<context>
    <name>mvdash::Format</name>
    <message>
        <location filename="../../models/items/format.cpp" line="+54"/>
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
    <name>mvdash::Main</name>
    <message>
        <location filename="../../app/main.cpp" line="+121"/>
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
        <location line="+1"/>
        <source>&amp;Export payments to CSV…</source>
        <translation>&amp;Экспорт платежей в CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the tenant&apos;s payments, as filtered, to a CSV file</source>
        <translation>Сохранить платежи арендатора с учётом фильтров в CSV-файл</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+0"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
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
        <location line="+0"/>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
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
        <location filename="../../ui/mainwindow.cpp" line="+80"/>
        <source>Search tenants…</source>
        <translation>Поиск арендаторов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant:</source>
        <translation>Арендатор:</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+46"/>
        <source>Messages</source>
        <extracomment>the window listing the errors and notes of this session</extracomment>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>● connected: %1</source>
        <extracomment>%1 says where (host, database)</extracomment>
        <translation>● подключено: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● offline</source>
        <translation>● нет подключения</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection lost: %1 — retrying every 5 s</source>
        <translation>Соединение потеряно: %1 — повтор каждые 5 с</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+302"/>
        <source>Behind schedule:
%1</source>
        <translation>Отставание от расписания:
%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>TLS (sslmode=%1)</source>
        <translation>TLS (sslmode=%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no TLS (sslmode=%1)</source>
        <translation>без TLS (sslmode=%1)</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Export failed: %1</source>
        <translation>Ошибка экспорта: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Экспорт отменён; файл не записан.</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Connection lost, then reconnected at %1.</source>
        <translation>Соединение было потеряно и восстановлено в %1.</translation>
    </message>
    <message numerus="yes">
        <location line="-268"/>
        <location line="+284"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n сообщение</numerusform>
            <numerusform>%n сообщения</numerusform>
            <numerusform>%n сообщений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-241"/>
        <source>Exported %Ln payment(s) to %1</source>
        <translation>
            <numerusform>Экспортирован %Ln платёж в %1</numerusform>
            <numerusform>Экспортировано %Ln платежа в %1</numerusform>
            <numerusform>Экспортировано %Ln платежей в %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The language changes when mvdash starts again.</source>
        <translation>Язык сменится после перезапуска mvdash.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>reloaded %1</source>
        <translation>перезагружено: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1 failed: %2</source>
        <translation>Ошибка загрузки данных «%1»: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no data yet</source>
        <translation>данных пока нет</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source> · live, %n event(s) behind</source>
        <extracomment>appended to &quot;Data as of ...&quot;: the live read models lack this many events</extracomment>
        <translation>
            <numerusform> · live, отставание %n событие</numerusform>
            <numerusform> · live, отставание %n события</numerusform>
            <numerusform> · live, отставание %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data as of %1 (%2 ago)%5 &lt;span style=&apos;color:%3&apos;&gt;● %4&lt;/span&gt;</source>
        <extracomment>the header&apos;s badge: %1 a time, %2 an age (&quot;3 min&quot;), %5 the live lag or nothing, %3 a colour (keep), %4 the freshness (&quot;fresh&quot;, &quot;late&quot;, &quot;stale&quot;)</extracomment>
        <translation>Данные на %1 (%2 назад)%5 &lt;span style=&apos;color:%3&apos;&gt;● %4&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>never refreshed</source>
        <translation>ни разу не обновлялись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every view is within its refresh interval.</source>
        <translation>Все представления обновлены в пределах своих интервалов.</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+7"/>
        <source>Role %1 may not refresh views (it needs mvdash_operator).</source>
        <translation>Роль %1 не может обновлять представления (нужна роль mvdash_operator).</translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsExport</name>
    <message>
        <location filename="../../models/items/paymentsmodel.cpp" line="+207"/>
        <location line="+42"/>
        <source>cannot write %1: %2</source>
        <extracomment>the export&apos;s file could not be written; %2 is the system&apos;s reason</extracomment>
        <translation>не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsModel</name>
    <message>
        <location line="-91"/>
        <source>loading…</source>
        <extracomment>a row of payments being fetched again</extracomment>
        <translation>загрузка…</translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsPanel</name>
    <message>
        <location filename="../../ui/panels/paymentspanel.cpp" line="+27"/>
        <location line="+10"/>
        <source>any</source>
        <extracomment>a filter&apos;s choice: no restriction</extracomment>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+26"/>
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
        <location line="+66"/>
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
    <message numerus="yes">
        <location line="+18"/>
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
        <location filename="../../models/items/refreshhealthmodel.cpp" line="+116"/>
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
        <location line="+23"/>
        <source>never</source>
        <extracomment>last refresh: the view was never refreshed</extracomment>
        <translation>никогда</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1: refreshed %2 ago; schedule every %3 s (late after %3 s, stale after %4 s)</source>
        <extracomment>%1 view, %2 an age (&quot;3 min&quot;) or &quot;never&quot;, %3 and %4 seconds</extracomment>
        <translation>%1: обновлено %2 назад; по расписанию каждые %3 с (запаздывает после %3 с, устаревает после %4 с)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>matview mode: the views are as old as their last refresh</source>
        <translation>режим matview: данные представлений актуальны на момент их последнего обновления</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed events not in the live read models yet</source>
        <translation>зафиксированные события, которых ещё нет в моделях чтения live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed events not in the live read models yet; held back by a writer still in its transaction: %1</source>
        <translation>зафиксированные события, которых ещё нет в моделях чтения live; их задерживает запись в незавершённой транзакции: %1</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <translation>Возраст</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Behind (events)</source>
        <extracomment>column title: committed events not yet applied to the live read model</extracomment>
        <translation>Отставание (событий)</translation>
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
        <location line="+22"/>
        <source>refreshing (%1)…</source>
        <extracomment>%1 is the refresh method (CONCURRENTLY, plain)</extracomment>
        <translation>обновление (%1)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refreshing %1…</source>
        <translation>Обновление %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ok, %1 ms</source>
        <extracomment>a view&apos;s refresh went well and took %1 milliseconds</extracomment>
        <translation>успешно, %1 мс</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+9"/>
        <source>Refresh duration per view (ms), from the history</source>
        <translation>Длительность обновления по представлениям (мс), по истории</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <extracomment>the chart&apos;s axis title: milliseconds</extracomment>
        <translation>мс</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Refresh every view, dependencies first (CONCURRENTLY where possible)</source>
        <translation>Обновить все представления, сначала зависимости (CONCURRENTLY, где возможно)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh the selected views (Ctrl+R)</source>
        <translation>Обновить выбранные представления (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>mvdash::ReloadableModel</name>
    <message>
        <location filename="../../models/items/reloadablemodel.cpp" line="+52"/>
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
    <name>mvdash::SizesPanel</name>
    <message>
        <location filename="../../ui/panels/sizespanel.cpp" line="+25"/>
        <source>Size of each view (MB)</source>
        <translation>Размер каждого представления (МБ)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Size trend per view (MB), sampled after each refresh</source>
        <translation>Динамика размера представлений (МБ), замер после каждого обновления</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MB</source>
        <extracomment>the chart&apos;s axis title: megabytes</extracomment>
        <translation>МБ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All views: %1 of %2 in the event tables = %3 (the guide expects 10–30%)</source>
        <extracomment>%1 and %2 sizes (&quot;1.2 GB&quot;), %3 a percentage</extracomment>
        <translation>Все представления: %1 при %2 в таблицах событий = %3 (по руководству ожидается 10–30%)</translation>
    </message>
    <message>
        <location line="+7"/>
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
    <name>mvdash::SummaryPanel</name>
    <message>
        <location filename="../../ui/panels/summarypanel.cpp" line="+24"/>
        <source>Deposits vs withdrawals</source>
        <translation>Депозиты и выводы средств</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bets by status</source>
        <translation>Ставки по статусам</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <translation>Общая сумма ставок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+45"/>
        <source>Deposits</source>
        <translation>Депозиты</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+45"/>
        <source>Withdrawals</source>
        <translation>Выводы средств</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Net deposits</source>
        <translation>Чистые депозиты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total balance</source>
        <translation>Общий баланс</translation>
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
        <location filename="../../ui/panels/userpanel.cpp" line="+28"/>
        <source>User id (prefix search; Enter looks up)</source>
        <translation>ID пользователя (поиск по префиксу; Enter — найти)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Active bets</source>
        <translation>Активные ставки</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+11"/>
        <source>No user “%1” in this tenant</source>
        <translation>У этого арендатора нет пользователя «%1»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user may be new: their events appear after the next refresh of the views.</source>
        <translation>Возможно, пользователь новый: его события появятся после следующего обновления представлений.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Active bets (newest %L1; more exist)</source>
        <translation>Активные ставки (последние %L1; есть ещё)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active bets (%L1)</source>
        <translation>Активные ставки (%L1)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exact to the last committed event: %n event(s) of this user not yet in the live read models are folded into these figures. The lists are as of %1.</source>
        <translation>
            <numerusform>Данные точны вплоть до последнего зафиксированного события: в этих цифрах учтено %n событие этого пользователя, которого ещё нет в моделях чтения live. Списки — по состоянию на %1.</numerusform>
            <numerusform>Данные точны вплоть до последнего зафиксированного события: в этих цифрах учтены %n события этого пользователя, которых ещё нет в моделях чтения live. Списки — по состоянию на %1.</numerusform>
            <numerusform>Данные точны вплоть до последнего зафиксированного события: в этих цифрах учтено %n событий этого пользователя, которых ещё нет в моделях чтения live. Списки — по состоянию на %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The views have never been refreshed.</source>
        <translation>Представления ещё ни разу не обновлялись.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>As of the views&apos; refresh at %1 (%2 ago). Diagnostic: %n event(s) of this user carry a later timestamp and are not in these figures yet.</source>
        <translation>
            <numerusform>По состоянию на обновление представлений в %1 (%2 назад). Диагностика: %n событие этого пользователя имеет более позднюю метку времени и пока не учтено в этих цифрах.</numerusform>
            <numerusform>По состоянию на обновление представлений в %1 (%2 назад). Диагностика: %n события этого пользователя имеют более позднюю метку времени и пока не учтены в этих цифрах.</numerusform>
            <numerusform>По состоянию на обновление представлений в %1 (%2 назад). Диагностика: %n событий этого пользователя имеют более позднюю метку времени и пока не учтены в этих цифрах.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::ViewSizeModel</name>
    <message>
        <location filename="../../models/items/refreshhealthmodel.cpp" line="+78"/>
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
</TS>
