<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mvdash::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="+385"/>
        <source>%n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source> · live, %n event(s) behind</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mvdash::UserPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/userpanel.cpp" line="+113"/>
        <source>Exact to the last committed event: %n event(s) of this user not yet in the live read models are folded into these figures. The lists are as of %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>As of the views&apos; refresh at %1 (%2 ago). Diagnostic: %n event(s) of this user carry a later timestamp and are not in these figures yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
