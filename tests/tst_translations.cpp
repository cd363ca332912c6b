// The translation catalogs are complete and consistent: every entry of the Russian catalog and
// every plural entry of the English one is finished, and each translation keeps its source's
// placeholders (a lost %1 would drop a figure from a message; an extra one prints "%2").

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry {
    QString context, source;
    bool numerus = false, unfinished = false, vanished = false;
    QStringList translations; // one, or one per plural form
};

QList<Entry> readCatalog(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message") {
            entries << entry;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            entry = Entry{};
            entry.context = context;
            entry.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            entry.source = xml.readElementText();
        } else if (name == u"translation") {
            const auto type = xml.attributes().value(QLatin1String("type"));
            entry.unfinished = type == u"unfinished";
            entry.vanished = type == u"vanished" || type == u"obsolete";
            if (!entry.numerus) // else its forms follow as <numerusform> elements
                entry.translations << xml.readElementText();
        } else if (name == u"numerusform") {
            entry.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

// %1..%99, %n, %Ln: what .arg() and tr()'s count fill in
QSet<QString> placeholders(const QString &text) {
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const auto &m : re.globalMatch(text))
        found << m.captured(0).remove(u'L');
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    static QString catalog(const char *language) {
        return QStringLiteral(MVDASH_SOURCE_DIR "/resources/translations/mvdash_%1.ts")
            .arg(QLatin1String(language));
    }

    static void checkCatalog(const QString &path, int pluralForms, bool everyText) {
        QString error;
        const QList<Entry> entries = readCatalog(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!entries.isEmpty(), qPrintable(path));
        QStringList problems;
        for (const Entry &e : entries) {
            const QString where = e.context + u": \""_qs + e.source + u'"';
            if (e.vanished)
                problems << where + u" is obsolete (run scripts/update-translations)"_qs;
            if (!everyText && !e.numerus)
                problems << where +
                                u" is not a plural entry (the English catalog only has those)"_qs;
            if (e.unfinished)
                problems << where + u" is unfinished"_qs;
            if (e.numerus && e.translations.size() != pluralForms)
                problems << where + QStringLiteral(" has %1 plural forms, not %2")
                                        .arg(e.translations.size())
                                        .arg(pluralForms);
            for (const QString &t : e.translations) {
                if (t.trimmed().isEmpty() && !e.source.trimmed().isEmpty())
                    problems << where + u" has an empty translation"_qs;
                QSet<QString> wanted = placeholders(e.source), got = placeholders(t);
                // a plural form may spell the count out ("one event"): %n is optional there
                if (e.numerus) {
                    wanted.remove(QStringLiteral("%n"));
                    got.remove(QStringLiteral("%n"));
                }
                if (wanted != got)
                    problems << where + u" -> \""_qs + t + u"\" changes the placeholders"_qs;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

private slots:
    void theRussianCatalogIsCompleteAndKeepsThePlaceholders() {
        checkCatalog(catalog("ru"), 3, true); // Russian: one, few, many
    }
    void theEnglishCatalogHasEveryPluralForm() { checkCatalog(catalog("en"), 2, false); }
    void aLostPlaceholderIsCaught() { // the check above can fail
        QCOMPARE(placeholders(QStringLiteral("%1 of %L2, %n left")),
                 (QSet<QString>{QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%n")}));
        QVERIFY(placeholders(QStringLiteral("100% done")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
