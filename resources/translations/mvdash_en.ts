<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mvdash::DiagnosticsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/diagnosticspanel.cpp" line="+188"/>
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
    <name>mvdash::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="+159"/>
        <location line="+284"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-241"/>
        <source>Exported %Ln payment(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln payment to %1</numerusform>
            <numerusform>Exported %Ln payments to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+282"/>
        <source> · live, %n event(s) behind</source>
        <extracomment>appended to &quot;Data as of ...&quot;: the live read models lack this many events</extracomment>
        <translation>
            <numerusform> · live, %n event behind</numerusform>
            <numerusform> · live, %n events behind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::PaymentsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/paymentspanel.cpp" line="+142"/>
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
        <location line="+18"/>
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
        <location filename="../../ui/panels/userpanel.cpp" line="+117"/>
        <source>Exact to the last committed event: %n event(s) of this user not yet in the live read models are folded into these figures. The lists are as of %1.</source>
        <translation>
            <numerusform>Exact to the last committed event: %n event of this user not yet in the live read models is folded into these figures. The lists are as of %1.</numerusform>
            <numerusform>Exact to the last committed event: %n events of this user not yet in the live read models are folded into these figures. The lists are as of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>As of the views&apos; refresh at %1 (%2 ago). Diagnostic: %n event(s) of this user carry a later timestamp and are not in these figures yet.</source>
        <translation>
            <numerusform>As of the views&apos; refresh at %1 (%2 ago). Diagnostic: %n event of this user carries a later timestamp and is not in these figures yet.</numerusform>
            <numerusform>As of the views&apos; refresh at %1 (%2 ago). Diagnostic: %n events of this user carry a later timestamp and are not in these figures yet.</numerusform>
        </translation>
    </message>
</context>
</TS>
