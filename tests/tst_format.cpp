// Formatting for people and the states' words, without a server (label "unit"): what every
// panel, the CLI and the CSV export show must not depend on a database to be checked.
#include "format.h"
#include "runoutcome.h"

#include <QTest>

using namespace mvdash;

class TestFormat : public QObject {
    Q_OBJECT
private slots:
    void moneyIsExactAndGroupedInTheLocale_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("shown");
        QTest::newRow("english") << "1234567.891"
                                 << "en_US"
                                 << "1,234,567.89";
        QTest::newRow("german") << "1234567.5"
                                << "de_DE"
                                << "1.234.567,50";
        QTest::newRow("negative") << "-1000"
                                  << "en_US"
                                  << "-1,000.00";
        QTest::newRow("cent") << "0.01"
                              << "en_US"
                              << "0.01";
        // beyond double's 15-16 digits: exact to the cent
        QTest::newRow("large") << "123456789012345678.07"
                               << "en_US"
                               << "123,456,789,012,345,678.07";
    }
    void moneyIsExactAndGroupedInTheLocale() {
        QFETCH(QString, value);
        QFETCH(QString, locale);
        QFETCH(QString, shown);
        QCOMPARE(formatMoney(Decimal::parse(value).value(), QLocale(locale)), shown);
        QCOMPARE(formatMoneyOf(QVariant(value), QLocale(locale)), shown);
    }

    void aNullAmountIsEmptyNotZero() {
        QCOMPARE(formatMoneyOf(QVariant(), QLocale(QStringLiteral("en_US"))), QString());
        QCOMPARE(decimalOf(QVariant()).toString(2), QStringLiteral("0.00"));
        QCOMPARE(decimalOf(QVariant(QStringLiteral("not a number"))).toString(2),
                 QStringLiteral("0.00"));
    }

    void agesRoundDownToTheirUnit_data() {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("shown");
        QTest::newRow("negative clock skew") << qint64(-5) << "0 s";
        QTest::newRow("seconds") << qint64(119) << "119 s";
        QTest::newRow("minutes") << qint64(120) << "2 min";
        QTest::newRow("hours") << qint64(7200) << "2 h";
        QTest::newRow("days") << qint64(3 * 86400 + 5) << "3 d";
    }
    void agesRoundDownToTheirUnit() {
        QFETCH(qint64, seconds);
        QFETCH(QString, shown);
        QCOMPARE(formatAge(seconds), shown);
    }

    // a figure updated once a minute (the Refresh panel's Age) never says "60 s" to "119 s"
    void agesByTheMinuteNeverCountSeconds_data() {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("shown");
        QTest::newRow("under a minute") << qint64(59) << "0 min";
        QTest::newRow("a minute") << qint64(60) << "1 min";
        QTest::newRow("almost two") << qint64(119) << "1 min";
        QTest::newRow("two") << qint64(179) << "2 min";
        QTest::newRow("hours") << qint64(3 * 3600 + 59) << "3 h";
    }
    void agesByTheMinuteNeverCountSeconds() {
        QFETCH(qint64, seconds);
        QFETCH(QString, shown);
        QCOMPARE(formatAgeByMinute(seconds), shown);
    }

    void countsBytesAndTimesFollowTheLocale() {
        const QLocale english(QStringLiteral("en_US"));
        QCOMPARE(formatCount(1234567, english), QStringLiteral("1,234,567"));
        QCOMPARE(formatCount(1234567, QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("1.234.567"));
        QCOMPARE(formatBytes(1536, english), QStringLiteral("1.5 kB"));
        QCOMPARE(formatBytes(512, english), QStringLiteral("512 byte(s)")); // (no translator)
        QCOMPARE(formatTime(QDateTime(), english), QString());
        const QDateTime at(QDate(2026, 11, 28), QTime(16, 5), Qt::UTC);
        // full year and seconds, no zone: "11/28/2026 4:05:07 PM" in the local time
        const QDateTime local = at.addSecs(7).toLocalTime();
        QCOMPARE(formatTime(at.addSecs(7), english),
                 english.toString(local.date(), QStringLiteral("M/d/yyyy")) + u' ' +
                     english.toString(local.time(), QStringLiteral("h:mm:ss AP")));
        const QLocale russian(QStringLiteral("ru_RU"));
        QCOMPARE(formatTime(at.addSecs(7), russian),
                 local.toString(QStringLiteral("dd.MM.yyyy H:mm:ss")));
    }

    // Every locale's clock loses its zone cleanly: nothing of what bound it to the time is
    // left ("h:mm:ss AP, t" must not leave a comma, "[t]" no brackets).
    void everyLocalesClockDropsItsZoneCleanly() {
        const QList<QLocale> locales = QLocale::matchingLocales(
            QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
        QVERIFY(locales.size() > 100);
        for (const QLocale &locale : locales) {
            const QString format = clockFormat(locale);
            const QString shown = locale.toString(QTime(16, 5, 7), format).trimmed();
            QVERIFY2(!shown.isEmpty() && !shown.endsWith(u',') && !shown.contains(u"[]") &&
                         !shown.contains(u"()") && !shown.endsWith(u'\u060C'),
                     qPrintable(locale.name() + u' ' + format + u' ' + shown));
            QVERIFY2(format.contains(u's'), qPrintable(locale.name() + u' ' + format));
        }
    }

    // English has no translation file for the vocabularies: the stored words are shown
    // readable, not as codes; an unknown or empty value too.
    void codesAreShownAsWords() {
        QCOMPARE(formatCode(QStringLiteral("bank_transfer"), "payment method"),
                 QStringLiteral("Bank transfer"));
        QCOMPARE(formatCode(QStringLiteral("completed"), "payment status"),
                 QStringLiteral("Completed"));
        QCOMPARE(formatCode(QStringLiteral("some_new_state"), "bet status"),
                 QStringLiteral("Some new state"));
        QCOMPARE(formatCode(QString(), "bet status"), QString());
    }

    void outcomeWordsRoundTripAndUnknownWordsAreRefused() {
        for (const RunOutcome o : {RunOutcome::Ok, RunOutcome::Skipped, RunOutcome::Failed}) {
            QCOMPARE(parseRunOutcome(runOutcomeWord(o)), std::optional<RunOutcome>(o));
            QVERIFY(!describeOutcome(o).isEmpty());
        }
        QCOMPARE(parseRunOutcome(u"running"), std::nullopt);
        QCOMPARE(parseRunOutcome(u"OK"), std::nullopt);
        QCOMPARE(describeFreshness(Freshness::Fresh), QStringLiteral("fresh"));
        QCOMPARE(describeFreshness(Freshness::Late), QStringLiteral("late"));
        QCOMPARE(describeFreshness(Freshness::Stale), QStringLiteral("stale"));
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
