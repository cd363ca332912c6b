<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../ui/helpdialogs.cpp" line="+30"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>PostgreSQL %1 on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About mvdash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;mvdash %1&lt;/h3&gt;&lt;p&gt;The dashboard of an event-sourced betting platform&apos;s materialized views: tenant KPIs, top players and payments; refresh health, sizes and diagnostics; one user&apos;s balance and bets, and how fresh they are.&lt;/p&gt;&lt;p&gt;Qt %2 · libpq %3 · %4&lt;/p&gt;&lt;p&gt;mvdash is free software under the MIT licence. It uses Qt (LGPL 3), libpq (PostgreSQL licence), spdlog and fmt (MIT).&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;%5&quot;&gt;%5&lt;/a&gt;&lt;/p&gt;</source>
        <extracomment>%1 version, %2 Qt version, %3 libpq version, %4 the server (or &quot;not connected&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::Columns</name>
    <message>
        <location filename="../../models/items/paymentsmodel.cpp" line="+66"/>
        <location filename="../../models/items/userlookup.cpp" line="+41"/>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/playersmodel.cpp" line="+12"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+1"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <extracomment>column title: payment method (card, bank transfer, ...)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>External id</source>
        <extracomment>column title: the payment provider&apos;s id of the payment</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <extracomment>column title: payment type (deposit or withdrawal)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+13"/>
        <location filename="../../models/items/userlookup.cpp" line="-19"/>
        <location line="+20"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="-8"/>
        <location line="+9"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated (ms)</source>
        <extracomment>column title: last update as epoch milliseconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/items/playersmodel.cpp" line="-1"/>
        <source>#</source>
        <extracomment>column title: the player&apos;s rank</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+3"/>
        <location filename="../../models/items/userlookup.cpp" line="+22"/>
        <source>Bets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+1"/>
        <source>Wagered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+1"/>
        <source>Winnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+9"/>
        <location filename="../../models/items/userlookup.cpp" line="-5"/>
        <source>Balance</source>
        <extracomment>column title: money on the players&apos; accounts</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/userlookup.cpp" line="+8"/>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/items/tenantcopiesmodel.cpp" line="+13"/>
        <source>Copy</source>
        <extracomment>column title: a per-tenant copy of a read model (noun)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Of</source>
        <extracomment>column title: the read model a per-tenant copy is a copy of</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="-15"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="+18"/>
        <source>Tenant id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/items/tenantsummarymodel.cpp" line="-16"/>
        <source>Slug</source>
        <extracomment>column title: the tenant&apos;s short URL-safe name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan</source>
        <extracomment>column title: the tenant&apos;s subscription plan</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active bets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../models/items/userlookup.cpp" line="-53"/>
        <source>Stake</source>
        <extracomment>column title: money staked on bets</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data as of</source>
        <extracomment>column title: when the tenant&apos;s figures were last refreshed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/items/userlookup.cpp" line="-1"/>
        <source>Bet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Odds</source>
        <extracomment>column title: the betting odds of a bet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixture</source>
        <extracomment>column title: the sports event a bet is on</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Result</source>
        <extracomment>column title: how a bet ended (won, lost, ...)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deposited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::ConnectionDialog</name>
    <message>
        <location filename="../../ui/connectiondialog.cpp" line="+22"/>
        <source>Connect to a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(new connection)</source>
        <extracomment>the first entry of the profile list: a connection not saved as a profile</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from PGHOST, or the local socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from PGDATABASE, or the user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from PGUSER, or your login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a section of ~/.pg_service.conf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile</source>
        <extracomment>a saved connection profile</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service</source>
        <extracomment>a libpq service name (pg_service.conf)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passwords are never stored by mvdash: libpq reads them from ~/.pgpass, the service file or PGPASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Name</source>
        <extracomment>the label of the profile&apos;s name, asked for when saving it</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::DiagnosticsPanel</name>
    <message>
        <location filename="../../ui/panels/diagnosticspanel.cpp" line="+31"/>
        <source>Only problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+139"/>
        <source>Apply the fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Run the checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Create the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drop the selected copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Per-tenant copies (the guide&apos;s tip 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy of</source>
        <extracomment>before the choice of a read model: &quot;Copy of &lt;view&gt; for tenant &lt;tenant&gt;&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for tenant</source>
        <extracomment>between the two choices: &quot;Copy of &lt;view&gt; for tenant &lt;tenant&gt;&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Select a check to see why it matters and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why: %1</source>
        <extracomment>why the check&apos;s finding matters</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 OK, %3, %4</source>
        <extracomment>the checks&apos; summary: %1 &quot;12 checks&quot;, %2 how many are OK, %3 &quot;1 warning&quot;, %4 &quot;2 failures&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n check(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n failure(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::DoctorModel</name>
    <message>
        <location filename="../../models/items/doctormodel.cpp" line="+24"/>
        <source>FAIL</source>
        <extracomment>a check&apos;s state, in capitals so that a problem stands out</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>WARN</source>
        <extracomment>a check&apos;s state: a warning</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnosticspanel.cpp" line="-132"/>
        <location filename="../../models/items/doctormodel.cpp" line="+5"/>
        <source>OK</source>
        <extracomment>a check&apos;s state: nothing to do</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/items/doctormodel.cpp" line="+8"/>
        <source>State</source>
        <extracomment>column title: OK, WARN or FAIL</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <extracomment>column title: the id of the diagnostic check (noun)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <extracomment>column title: what the check looked at (a view, a node, a tenant)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found</source>
        <extracomment>column title: what the check found (noun, past participle)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Creating the unique index of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dropping %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::Format</name>
    <message>
        <location filename="../../models/items/format.cpp" line="+54"/>
        <source>ok</source>
        <extracomment>how a view&apos;s refresh ended: it went well</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>skipped</source>
        <extracomment>how a view&apos;s refresh ended: it was not run</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>failed</source>
        <extracomment>how a view&apos;s refresh ended: with an error</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>fresh</source>
        <extracomment>the data&apos;s freshness: refreshed within the interval</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>late</source>
        <extracomment>the data&apos;s freshness: past the refresh interval</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stale</source>
        <extracomment>the data&apos;s freshness: past twice the refresh interval, or never refreshed</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::Main</name>
    <message>
        <location filename="../../app/main.cpp" line="+121"/>
        <source>Dashboard of an event-sourced betting platform&apos;s materialized views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>libpq connection string or URI (no password: use ~/.pgpass).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the private demo database (started and seeded if needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --demo: on a local Citus 13 cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --demo: events to seed a new demo (default 1000000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Render every panel to PNG files in DIR and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of the interface: en or ru (default: the setting, else the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log to the console too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::MainMenu</name>
    <message>
        <location filename="../../ui/mainmenu.cpp" line="+15"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another database (the dashboard starts again on it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export payments to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the tenant&apos;s payments, as filtered, to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load every panel&apos;s data again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <extracomment>focuses the search or filter field of the panel in front</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About mvdash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+80"/>
        <source>Search tenants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Summary</source>
        <extracomment>navigation: the tenant&apos;s key figures</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Players</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <extracomment>navigation: one user of the tenant looked up</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <extracomment>navigation: the panel that refreshes the views (noun)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sizes</source>
        <extracomment>navigation: the views&apos; sizes on disk</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Messages</source>
        <extracomment>the window listing the errors and notes of this session</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>● connected: %1</source>
        <extracomment>%1 says where (host, database)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection lost: %1 — retrying every 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refresh health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>top players</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bets by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refresh history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the per-tenant copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+302"/>
        <source>Behind schedule:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>TLS (sslmode=%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no TLS (sslmode=%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Connection lost, then reconnected at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-268"/>
        <location line="+284"/>
        <source>%n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-241"/>
        <source>Exported %Ln payment(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The language changes when mvdash starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+113"/>
        <source>reloaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source> · live, %n event(s) behind</source>
        <extracomment>appended to &quot;Data as of ...&quot;: the live read models lack this many events</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data as of %1 (%2 ago)%5 &lt;span style=&apos;color:%3&apos;&gt;● %4&lt;/span&gt;</source>
        <extracomment>the header&apos;s badge: %1 a time, %2 an age (&quot;3 min&quot;), %5 the live lag or nothing, %3 a colour (keep), %4 the freshness (&quot;fresh&quot;, &quot;late&quot;, &quot;stale&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>never refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every view is within its refresh interval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PostgreSQL %1 · %2 · role %3 · %4</source>
        <extracomment>status bar: %1 server version, %2 Citus or not, %3 the database role, %4 TLS or not</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no Citus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citus %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (tenant administrator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Role %1 may not refresh views (it needs mvdash_operator).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsExport</name>
    <message>
        <location filename="../../models/items/paymentsmodel.cpp" line="+207"/>
        <location line="+42"/>
        <source>cannot write %1: %2</source>
        <extracomment>the export&apos;s file could not be written; %2 is the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsModel</name>
    <message>
        <location line="-91"/>
        <source>loading…</source>
        <extracomment>a row of payments being fetched again</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsPanel</name>
    <message>
        <location filename="../../ui/panels/paymentspanel.cpp" line="+27"/>
        <location line="+10"/>
        <source>any</source>
        <extracomment>a filter&apos;s choice: no restriction</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user id</source>
        <extracomment>placeholder of the filter field: a user&apos;s id</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <extracomment>the first day of payments shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <extracomment>the last day of payments shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>%Ln payment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln payment(s) loaded, more as you scroll</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Exporting payments… %Ln row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Export payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting payments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::PlayersPanel</name>
    <message>
        <location filename="../../ui/panels/playerspanel.cpp" line="+23"/>
        <source>Top 10: wagered vs winnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top %1</source>
        <extracomment>how many players the list shows: &quot;Top 10&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by wagered</source>
        <extracomment>the list&apos;s order: by the money wagered</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by winnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by number of bets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click or Enter opens the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Wagered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Winnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::RefreshHealthModel</name>
    <message>
        <location filename="../../models/items/refreshhealthmodel.cpp" line="+116"/>
        <source>yes</source>
        <extracomment>the view holds data</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no — run Refresh</source>
        <extracomment>the view holds no data; &quot;Refresh&quot; is the button that fills it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+23"/>
        <source>never</source>
        <extracomment>last refresh: the view was never refreshed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1: refreshed %2 ago; schedule every %3 s (late after %3 s, stale after %4 s)</source>
        <extracomment>%1 view, %2 an age (&quot;3 min&quot;) or &quot;never&quot;, %3 and %4 seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>matview mode: the views are as old as their last refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed events not in the live read models yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed events not in the live read models yet; held back by a writer still in its transaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>live read model: kept up to date by incremental steps (mvdash-admin follow), every read model at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has a unique index: refreshed CONCURRENTLY once populated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no unique index: only a plain refresh (blocks readers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>View</source>
        <extracomment>column title: the materialized view (read model)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Populated</source>
        <extracomment>column title: whether the view holds data (yes / no)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <extracomment>column title: how the next refresh runs (CONCURRENTLY, plain, live)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last refresh</source>
        <extracomment>column title: when the view was last refreshed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <extracomment>column title: time since the last refresh</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Avg ms</source>
        <extracomment>column title: average refresh duration in milliseconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last ms</source>
        <extracomment>column title: duration of the last refresh in milliseconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count</source>
        <extracomment>column title: how many times the view was refreshed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <extracomment>column title: what the running refresh is doing with this view</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Behind (events)</source>
        <extracomment>column title: committed events not yet applied to the live read model</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::RefreshPanel</name>
    <message>
        <location filename="../../ui/panels/refreshpanel.cpp" line="+30"/>
        <source>Refresh all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <extracomment>stops the refresh that runs</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>refreshing (%1)…</source>
        <extracomment>%1 is the refresh method (CONCURRENTLY, plain)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refreshing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ok, %1 ms</source>
        <extracomment>a view&apos;s refresh went well and took %1 milliseconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refresh cancelled: the view being refreshed kept its previous contents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refresh duration per view (ms), from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <extracomment>the chart&apos;s axis title: milliseconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Refresh every view, dependencies first (CONCURRENTLY where possible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh the selected views (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::ReloadableModel</name>
    <message>
        <location filename="../../models/items/reloadablemodel.cpp" line="+52"/>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::SizesPanel</name>
    <message>
        <location filename="../../ui/panels/sizespanel.cpp" line="+25"/>
        <source>Size of each view (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Size trend per view (MB), sampled after each refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MB</source>
        <extracomment>the chart&apos;s axis title: megabytes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All views: %1 of %2 in the event tables = %3 (the guide expects 10–30%)</source>
        <extracomment>%1 and %2 sizes (&quot;1.2 GB&quot;), %3 a percentage</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Table</source>
        <extracomment>the chart&apos;s legend: the views&apos; table (heap) size and their indexes&apos; size</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::SummaryPanel</name>
    <message>
        <location filename="../../ui/panels/summarypanel.cpp" line="+24"/>
        <source>Deposits vs withdrawals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bets by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total bets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active bets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total stake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+45"/>
        <source>Deposits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+45"/>
        <source>Withdrawals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Net deposits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total balance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::TenantCopiesModel</name>
    <message>
        <location filename="../../models/items/tenantcopiesmodel.cpp" line="+16"/>
        <source>Creating the copy of %1 for tenant %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dropping %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::TenantsPanel</name>
    <message>
        <location filename="../../ui/panels/tenantspanel.cpp" line="+22"/>
        <source>Filter tenants (name, slug, status, plan)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mvdash::UserPanel</name>
    <message>
        <location filename="../../ui/panels/userpanel.cpp" line="+28"/>
        <source>User id (prefix search; Enter looks up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Active bets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent bets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Look up a user of the selected tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Looking up %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No user “%1” in this tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user may be new: their events appear after the next refresh of the views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Active bets (newest %L1; more exist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active bets (%L1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exact to the last committed event: %n event(s) of this user not yet in the live read models are folded into these figures. The lists are as of %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The views have never been refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>As of the views&apos; refresh at %1 (%2 ago). Diagnostic: %n event(s) of this user carry a later timestamp and are not in these figures yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::ViewSizeModel</name>
    <message>
        <location filename="../../models/items/refreshhealthmodel.cpp" line="+78"/>
        <source>View</source>
        <extracomment>column title: the materialized view (read model)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <extracomment>column title: total size on disk (table + indexes)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <extracomment>column title: size of the view&apos;s table (heap) on disk, without indexes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indexes</source>
        <extracomment>column title: size of the view&apos;s indexes on disk</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source># idx</source>
        <extracomment>column title, short: number of indexes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows</source>
        <extracomment>column title: estimated number of rows</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of events</source>
        <extracomment>column title: the view&apos;s size as a share of the event tables&apos; size</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
