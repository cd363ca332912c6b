<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mvdash::Admin</name>
    <message numerus="yes">
        <location filename="../../app/admin_main.cpp" line="+258"/>
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n check</numerusform>
            <numerusform>%n checks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n failure</numerusform>
            <numerusform>%n failures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+228"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n tenant</numerusform>
            <numerusform>%n tenants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>%n view(s) refreshed</source>
        <translation>
            <numerusform>%n view refreshed</numerusform>
            <numerusform>%n views refreshed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+115"/>
        <source>%n event(s) behind</source>
        <translation>
            <numerusform>%n event behind</numerusform>
            <numerusform>%n events behind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+151"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>wrote %n event(s)</source>
        <translation>
            <numerusform>wrote %n event</numerusform>
            <numerusform>wrote %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::DemoDatabase</name>
    <message numerus="yes">
        <location filename="../../app/demodatabase.cpp" line="+82"/>
        <source>seeding %n event(s)</source>
        <translation>
            <numerusform>seeding %n event</numerusform>
            <numerusform>seeding %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>seeded %n event(s) in %1 s</source>
        <extracomment>&quot;seeded &lt;n events&gt; in &lt;seconds&gt; s&quot;</extracomment>
        <translation>
            <numerusform>seeded %n event in %1 s</numerusform>
            <numerusform>seeded %n events in %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::DiagnosticsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/diagnosticspanel.cpp" line="+223"/>
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n check</numerusform>
            <numerusform>%n checks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n failure</numerusform>
            <numerusform>%n failures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::Doctor</name>
    <message numerus="yes">
        <location filename="../../models/operations/doctor.cpp" line="+347"/>
        <source>%1 is live, %n event(s) behind (%2 s), last step %3 ago</source>
        <extracomment>%1 a read model, %2 for how long events have waited (s), %3 the last step&apos;s age</extracomment>
        <translation>
            <numerusform>%1 is live, %n event behind (%2 s), last step %3 ago</numerusform>
            <numerusform>%1 is live, %n events behind (%2 s), last step %3 ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%n run(s) of %1 failed since its last good one; the last: %2</source>
        <translation>
            <numerusform>%n run of %1 failed since its last good one; the last: %2</numerusform>
            <numerusform>%n runs of %1 failed since its last good one; the last: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n step(s) skipped since the last recorded one: another step was applying the same events; expected with a follower, and %1 keeps up</source>
        <translation>
            <numerusform>%n step skipped since the last recorded one: another step was applying the same events; expected with a follower, and %1 keeps up</numerusform>
            <numerusform>%n steps skipped since the last recorded one: another step was applying the same events; expected with a follower, and %1 keeps up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n run(s) of %1 skipped in a row: another refresh held it%2</source>
        <translation>
            <numerusform>%n run of %1 skipped in a row: another refresh held it%2</numerusform>
            <numerusform>%n runs of %1 skipped in a row: another refresh held it%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+239"/>
        <source>refresh time grows %1 ms/day: at this pace it reaches the %2 interval in %n day(s)</source>
        <translation>
            <numerusform>refresh time grows %1 ms/day: at this pace it reaches the %2 interval in %n day</numerusform>
            <numerusform>refresh time grows %1 ms/day: at this pace it reaches the %2 interval in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+182"/>
        <source>%n temporary file(s), %1, since the statistics were reset; work_mem %2, maintenance_work_mem %3</source>
        <translation>
            <numerusform>%n temporary file, %1, since the statistics were reset; work_mem %2, maintenance_work_mem %3</numerusform>
            <numerusform>%n temporary files, %1, since the statistics were reset; work_mem %2, maintenance_work_mem %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>%1 written to temporary files by %n refresh call(s) since pg_stat_statements was reset</source>
        <translation>
            <numerusform>%1 written to temporary files by %n refresh call since pg_stat_statements was reset</numerusform>
            <numerusform>%1 written to temporary files by %n refresh calls since pg_stat_statements was reset</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+106"/>
        <source>%n sample(s) of the views&apos; share so far: a trend needs %1 (one per 15 minutes, taken when a refresh or step runs)</source>
        <translation>
            <numerusform>%n sample of the views&apos; share so far: a trend needs %1 (one per 15 minutes, taken when a refresh or step runs)</numerusform>
            <numerusform>%n samples of the views&apos; share so far: a trend needs %1 (one per 15 minutes, taken when a refresh or step runs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+216"/>
        <source>last refresh by &quot;%1&quot; %2 ago; %n failed run(s) in the last day</source>
        <translation>
            <numerusform>last refresh by &quot;%1&quot; %2 ago; %n failed run in the last day</numerusform>
            <numerusform>last refresh by &quot;%1&quot; %2 ago; %n failed runs in the last day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+176"/>
        <source>the event tables are in %n co-location group(s)</source>
        <translation>
            <numerusform>the event tables are in %n co-location group</numerusform>
            <numerusform>the event tables are in %n co-location groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::Follower</name>
    <message numerus="yes">
        <location filename="../../models/operations/follower.cpp" line="+54"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::Format</name>
    <message numerus="yes">
        <location filename="../../models/items/format.cpp" line="+38"/>
        <source>%1 byte(s)</source>
        <extracomment>a size under a kilobyte: &quot;0 bytes&quot;, &quot;1 byte&quot;, &quot;512 bytes&quot; (%1 the number)</extracomment>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::LiveReadModels</name>
    <message numerus="yes">
        <location filename="../../models/operations/livereadmodels.cpp" line="+431"/>
        <source>%1, %n row(s) written</source>
        <extracomment>a rebuild&apos;s progress: &quot;&lt;seconds&gt;, &lt;n rows&gt; written&quot; by one statement</extracomment>
        <translation>
            <numerusform>%1, %n row written</numerusform>
            <numerusform>%1, %n rows written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>building the live state from every event up to arrival %1 (readers keep reading the current state) on %n session(s)</source>
        <translation>
            <numerusform>building the live state from every event up to arrival %1 (readers keep reading the current state) on %n session</numerusform>
            <numerusform>building the live state from every event up to arrival %1 (readers keep reading the current state) on %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>rebuilt from %n event(s) up to arrival %1 in %2</source>
        <extracomment>&quot;rebuilt from &lt;n events&gt; up to arrival &lt;arrival&gt; in &lt;seconds&gt;&quot;</extracomment>
        <translation>
            <numerusform>rebuilt from %n event up to arrival %1 in %2</numerusform>
            <numerusform>rebuilt from %n events up to arrival %1 in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>caught up %n event(s) (arrival %1)</source>
        <extracomment>&quot;caught up &lt;n events&gt; (arrival &lt;arrival&gt;)&quot;</extracomment>
        <translation>
            <numerusform>caught up %n event (arrival %1)</numerusform>
            <numerusform>caught up %n events (arrival %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="+172"/>
        <location line="+385"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-329"/>
        <source>Exported %Ln payment(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln payment to %1</numerusform>
            <numerusform>Exported %Ln payments to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+404"/>
        <source> · live, %n event(s) behind (%1 s)</source>
        <extracomment>appended to &quot;Data as of ...&quot; for a tenant administrator: the live read models lack this many of its tenant&apos;s events, %1 for how long (&quot;0.8&quot;)</extracomment>
        <translation>
            <numerusform> · live, %n event behind (%1 s)</numerusform>
            <numerusform> · live, %n events behind (%1 s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source> · live, %n event(s) behind (%1 s), last step %2</source>
        <extracomment>appended to &quot;Data as of ...&quot;: the live read models lack this many events, %1 for how long (&quot;0.8&quot;), %2 the duration of the last step (&quot;5.2 ms&quot;)</extracomment>
        <translation>
            <numerusform> · live, %n event behind (%1 s), last step %2</numerusform>
            <numerusform> · live, %n events behind (%1 s), last step %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::Monitoring</name>
    <message numerus="yes">
        <location filename="../../models/operations/monitoring.cpp" line="+150"/>
        <source>the database lacks %n migration(s) (next: %1): run `mvdash-admin migrate`</source>
        <extracomment>&quot;the database lacks &lt;n migrations&gt; (next: &lt;file name&gt;): run `mvdash-admin migrate`&quot;; keep the command as it is</extracomment>
        <translation>
            <numerusform>the database lacks %n migration (next: %1): run `mvdash-admin migrate`</numerusform>
            <numerusform>the database lacks %n migrations (next: %1): run `mvdash-admin migrate`</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/paymentspanel.cpp" line="+164"/>
        <source>%Ln payment(s)</source>
        <translation>
            <numerusform>%Ln payment</numerusform>
            <numerusform>%Ln payments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln payment(s) loaded, more as you scroll</source>
        <translation>
            <numerusform>%Ln payment loaded, more as you scroll</numerusform>
            <numerusform>%Ln payments loaded, more as you scroll</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Exporting payments… %Ln row(s)</source>
        <translation>
            <numerusform>Exporting payments… %Ln row</numerusform>
            <numerusform>Exporting payments… %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::UserPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/userpanel.cpp" line="+123"/>
        <source>⚠ A new user: %n event(s) of this user arrived after the views&apos; refresh at %1 (%2 ago); they show after the next refresh.</source>
        <translation>
            <numerusform>⚠ A new user: %n event of this user arrived after the views&apos; refresh at %1 (%2 ago); it shows after the next refresh.</numerusform>
            <numerusform>⚠ A new user: %n events of this user arrived after the views&apos; refresh at %1 (%2 ago); they show after the next refresh.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Figures exact to the last committed event: they include %n event(s) of this user not yet in the live read models. ⚠ The lists below may lack them until the next step (as of %1).</source>
        <translation>
            <numerusform>Figures exact to the last committed event: they include %n event of this user not yet in the live read models. ⚠ The lists below may lack it until the next step (as of %1).</numerusform>
            <numerusform>Figures exact to the last committed event: they include %n events of this user not yet in the live read models. ⚠ The lists below may lack them until the next step (as of %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>⚠ %n event(s) of this user arrived after the views&apos; refresh at %1 (%2 ago) and are not in these figures yet.</source>
        <translation>
            <numerusform>⚠ %n event of this user arrived after the views&apos; refresh at %1 (%2 ago) and is not in these figures yet.</numerusform>
            <numerusform>⚠ %n events of this user arrived after the views&apos; refresh at %1 (%2 ago) and are not in these figures yet.</numerusform>
        </translation>
    </message>
</context>
</TS>
