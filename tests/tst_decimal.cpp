#include "decimal.h"

#include <QTest>

using mvdash::Decimal;

class TestDecimal : public QObject {
    Q_OBJECT
private slots:
    void parsesAndPrintsExactly_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("scale2");
        QTest::addColumn<QString>("shortForm");
        QTest::newRow("integer") << "12"
                                 << "12.00"
                                 << "12";
        QTest::newRow("cents") << "12.5"
                               << "12.50"
                               << "12.5";
        QTest::newRow("negative") << "-0.01"
                                  << "-0.01"
                                  << "-0.01";
        QTest::newRow("large") << "9999999999999999.99"
                               << "9999999999999999.99"
                               << "9999999999999999.99";
        QTest::newRow("odds") << "1.2345"
                              << "1.23"
                              << "1.2345";
        QTest::newRow("zero") << "0.00"
                              << "0.00"
                              << "0";
        QTest::newRow("round half away") << "-2.345"
                                         << "-2.35"
                                         << "-2.345";
    }
    void parsesAndPrintsExactly() {
        QFETCH(QString, input);
        QFETCH(QString, scale2);
        QFETCH(QString, shortForm);
        const auto d = Decimal::parse(input);
        QVERIFY(d);
        QCOMPARE(d->toString(2), scale2);
        QCOMPARE(d->toShortString(), shortForm);
    }
    void rejectsGarbage() {
        QVERIFY(!Decimal::parse(u""));
        QVERIFY(!Decimal::parse(u"1e5"));
        QVERIFY(!Decimal::parse(u"1.2.3"));
        QVERIFY(!Decimal::parse(u"abc"));
        QVERIFY(!Decimal::parse(u"0.1234567")); // more digits than kept: refuse, never round
    }
    void sumsWithoutDrift() {
        // 0.10 added 1000 times is exactly 100 (a double would not be)
        Decimal sum;
        const Decimal dime = *Decimal::parse(u"0.10");
        for (int i = 0; i < 1000; ++i)
            sum += dime;
        QCOMPARE(sum.toString(2), QStringLiteral("100.00"));
        QCOMPARE(Decimal::fromScaled(-1250, 2).toShortString(), QStringLiteral("-12.5"));
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
