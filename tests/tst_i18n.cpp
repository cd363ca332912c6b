// The dashboard in Russian, as real widgets (offscreen) on a real seeded database: every text
// of the window's chrome (labels, buttons, tooltips, menus, headers, chart titles, the
// connection dialog) is Russian once the Russian catalog is installed; what may stay Latin
// are names and identifiers (tenant and user names, view names, PostgreSQL, CSV...).
// And in English nothing shows a plural placeholder ("event(s)").

#include "connectiondialog.h"
#include "dashboardmodels.h"
#include "doctormodel.h"
#include "format.h"
#include "mainwindow.h"
#include "testcluster.h"
#include "translations.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTranslator>

using namespace mvdash;
using namespace mvdash::test;

namespace {

// Words that are names or identifiers in any language (checked case-insensitively).
const QStringList kNames = {
    u"mvdash"_qs,     u"mvdash-admin"_qs, u"PostgreSQL"_qs, u"Citus"_qs,     u"Qt"_qs,
    u"CSV"_qs,        u"SQL"_qs,          u"JSON"_qs,       u"DSN"_qs,       u"TLS"_qs,
    u"SSL"_qs,        u"sslmode"_qs,      u"libpq"_qs,      u"pg_cron"_qs,   u"CronJob"_qs,
    u"KPI"_qs,        u"ID"_qs,           u"UTC"_qs,        u"EUR"_qs,       u"USD"_qs,
    u"RUB"_qs,        u"GBP"_qs,          u"live"_qs,       u"matview"_qs,   u"CONCURRENTLY"_qs,
    u"REFRESH"_qs,    u"VACUUM"_qs,       u"ANALYZE"_qs,    u"work_mem"_qs,  u"OK"_qs,
    u"WARN"_qs,       u"FAIL"_qs,         u"pgpass"_qs,     u"GPL"_qs,       u"LGPL"_qs,
    u"MIT"_qs,        u"GitHub"_qs,       u"spdlog"_qs,     u"Ctrl"_qs,      u"Shift"_qs,
    u"Alt"_qs,        u"F1"_qs,           u"F5"_qs,         u"PNG"_qs,       u"disable"_qs,
    u"allow"_qs,      u"prefer"_qs,       u"require"_qs,    u"verify-ca"_qs, u"verify-full"_qs,
    u"Enter"_qs,      u"Esc"_qs,          u"Tab"_qs,        u"Debian"_qs,    u"English"_qs,
    u"PGHOST"_qs,     u"PGPORT"_qs,       u"PGDATABASE"_qs, u"PGUSER"_qs,    u"PGSERVICE"_qs,
    u"PGPASSWORD"_qs, u"PGSSLMODE"_qs,    u"pgstattuple"_qs};

class TextCollector {
public:
    explicit TextCollector(const QSet<QString> &dataWords)
        : dataWords_(dataWords) {}

    void add(const QString &where, QString text) {
        if (Qt::mightBeRichText(text))
            text = QTextDocumentFragment::fromHtml(text).toPlainText();
        text.remove(u'&'); // mnemonics
        if (text.trimmed().isEmpty() || isRussianOrNames(text))
            return;
        problems_ << QStringLiteral("%1: \"%2\"").arg(where, text);
    }
    void addWidgetTree(QWidget *root) {
        for (QWidget *w : root->findChildren<QWidget *>()) {
            const QString where =
                QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
            if (!w->toolTip().isEmpty())
                add(where + u" tooltip"_qs, w->toolTip());
            if (!w->statusTip().isEmpty())
                add(where + u" status tip"_qs, w->statusTip());
            if (auto *l = qobject_cast<QLabel *>(w))
                add(where, l->text());
            else if (auto *b = qobject_cast<QAbstractButton *>(w))
                add(where, b->text());
            else if (auto *g = qobject_cast<QGroupBox *>(w))
                add(where, g->title());
            else if (auto *e = qobject_cast<QLineEdit *>(w))
                add(where + u" placeholder"_qs, e->placeholderText());
            else if (auto *t = qobject_cast<QTabBar *>(w))
                for (int i = 0; i < t->count(); ++i)
                    add(where + u" tab"_qs, t->tabText(i));
            else if (auto *m = qobject_cast<QMenu *>(w))
                add(where + u" title"_qs, m->title());
            if (auto *c = qobject_cast<QComboBox *>(w))
                for (int i = 0; i < c->count(); ++i)
                    add(where + u" item"_qs, c->itemText(i));
            if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model()) {
                if (auto *list = qobject_cast<QListWidget *>(w))
                    for (int i = 0; i < list->count(); ++i)
                        add(where + u" item"_qs, list->item(i)->text());
                for (int c = 0; c < v->model()->columnCount(); ++c) {
                    add(where + u" header"_qs,
                        v->model()->headerData(c, Qt::Horizontal).toString());
                    add(where + u" header tooltip"_qs,
                        v->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
                }
            }
            if (auto *chartView = qobject_cast<QChartView *>(w)) {
                QChart *chart = chartView->chart();
                add(where + u" chart title"_qs, chart->title());
                for (QAbstractAxis *axis : chart->axes())
                    add(where + u" axis title"_qs, axis->titleText());
                for (QLegendMarker *marker : chart->legend()->markers())
                    add(where + u" legend"_qs, marker->label());
            }
        }
        for (QAction *a : root->findChildren<QAction *>()) {
            add(u"action"_qs, a->text());
            if (!a->toolTip().isEmpty() && a->toolTip() != a->text().remove(u'&'))
                add(u"action tooltip"_qs, a->toolTip());
        }
    }
    QStringList problems() const {
        QStringList unique = problems_;
        unique.removeDuplicates();
        return unique;
    }

private:
    bool isRussianOrNames(QString text) const {
        // what is quoted is a name: «mvdash-cronjob», "acme_admin"
        static const QRegularExpression quoted(QStringLiteral("«[^»]*»|\"[^\"]*\""));
        text.remove(quoted);
        static const QRegularExpression word(QStringLiteral("\\p{L}[\\p{L}\\-]*"));
        static const QRegularExpression cyrillic(QStringLiteral("\\p{Cyrillic}"));
        // a token with a digit or one of these inside is an identifier, a path, a DSN, a
        // version, an option or a group of checks: bets_view, postgres@/tmp/x:5432/db,
        // (sslmode=prefer), 15.20-0+deb12u1, --to, storage.*; punctuation around a word does
        // not make it one ("Tenant:" is a word)
        static const QRegularExpression identifier(
            QStringLiteral("[\\d_@/=+]|\\w[.:]\\w|^--\\w|\\w\\.\\*"));
        static const QRegularExpression around(
            QStringLiteral("^[.,:;!?()\\[\\]]+|[.,:;!?()\\[\\]]+$"));
        QString previous;
        for (QString token :
             text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
            token.remove(around);
            const bool command = previous == u"mvdash-admin"; // mvdash-admin sizes
            previous = token;
            if (command || token.contains(identifier) || token == token.toUpper())
                continue; // ... and SQL keywords, placeholders: CREATE UNIQUE INDEX, VIEW
            for (const auto &m : word.globalMatch(token)) {
                const QString w = m.captured(0);
                if (w.contains(cyrillic) || w.size() < 2 || dataWords_.contains(w.toLower()) ||
                    kNames.contains(w, Qt::CaseInsensitive))
                    continue;
                return false; // an English word
            }
        }
        return true;
    }

    QSet<QString> dataWords_;
    QStringList problems_;
};

} // namespace

class TestI18n : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings settings_;
    // the role connected as (a name). The spec's enumerated values (payment types, statuses
    // and methods, bet statuses) are not in it: they are shown in the user's language (the
    // filters' choices, the bets chart's legend), filtered and exported as stored.
    QSet<QString> storedValues_;

    // Every panel shown and loaded (the ops panels fetch on show).
    static void visitEveryPanel(MainWindow &w, TextCollector &texts) {
        for (Panel panel : w.panels()) {
            w.showPanel(panel);
            QVERIFY(QTest::qWaitFor([&] { return !w.isLoading(); }, kPatienceMs));
            texts.addWidgetTree(&w);
        }
    }
    // The tenants' names (data, in any language).
    static QSet<QString> tenantWords(MainWindow &w) {
        QSet<QString> words;
        auto *picker = w.findChild<QComboBox *>();
        for (int i = 0; i < picker->count(); ++i)
            for (const QString &part : picker->itemText(i).split(QRegularExpression(u"\\W+"_qs)))
                words << part.toLower();
        return words;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(
            QCoreApplication::applicationName() +
            (TestCluster::citusRequested() ? u"-citus"_qs : u"-postgres"_qs));
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY({ settings_ = cluster_.createSeededDatabase(QStringLiteral("i18n"), 20000); });
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("words"));
            QSqlQuery q = runSql(c.db(), "SELECT current_user");
            while (q.next())
                storedValues_ << q.value(0).toString().toLower();
        });
        QVERIFY(!storedValues_.isEmpty());
    }

    void theRussianDashboardShowsNoEnglish() {
        // every refresh counts as slow and every view as overdue a second after its refresh,
        // so the warnings and their advice are checked on every run, not only when a loaded
        // machine makes a refresh slow or a test long
        const QStringList strict{QStringLiteral("thresholds/slowRefreshMs"),
                                 QStringLiteral("thresholds/refreshIntervalSeconds")};
        QSettings().setValue(strict[0], 0);
        QSettings().setValue(strict[1], 1);
        const auto restore = qScopeGuard([&strict] {
            for (const QString &key : strict)
                QSettings().remove(key);
        });
        QTest::qWait(2000); // (a second past the last refresh at least)
        const QString missing = installTranslations(*qApp, QStringLiteral("ru"));
        QVERIFY2(!missing.contains(u"mvdash_"), qPrintable(missing));
        DashboardModels models(settings_);
        MainWindow w(&models);
        w.resize(1360, 860);
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return !w.isLoading(); }, kPatienceMs));
        TextCollector texts(tenantWords(w) + storedValues_);
        visitEveryPanel(w, texts);
        // the diagnostics' findings are mvdash's own texts (with figures and commands)
        w.showPanel(Panel::Diagnostics);
        QTableView *checks =
            w.currentPanel()->findChildren<QTableView *>().value(0); // the checks, then copies
        QVERIFY(checks);
        QVERIFY(QTest::qWaitFor([&] { return checks->model()->rowCount() > 10; }, kPatienceMs));
        // (the subject column names what was checked, as the JSON does: views, roles,
        // applications; an identifier)
        int slowFindings = 0;
        for (int r = 0; r < checks->model()->rowCount(); ++r) {
            for (int c = 0; c < checks->model()->columnCount(); ++c)
                if (c != DoctorModel::Subject)
                    texts.add(QStringLiteral("diagnostics row %1").arg(r),
                              checks->model()->index(r, c).data().toString());
            const auto cell = [&](int c) { return checks->model()->index(r, c).data().toString(); };
            slowFindings +=
                cell(DoctorModel::Check) == u"refresh.slow" && !cell(DoctorModel::Advice).isEmpty();
        }
        QVERIFY2(slowFindings > 0, "the slow-refresh advice was not shown, so not checked");
        // no table has two columns of one title: a translation that merges two words (a bet's
        // id and its stake, both «Ставка» once) leaves people guessing which is which
        for (QTableView *table : w.findChildren<QTableView *>()) {
            QSet<QString> titles;
            for (int c = 0; c < table->model()->columnCount(); ++c) {
                const QString title = table->model()->headerData(c, Qt::Horizontal).toString();
                QVERIFY2(title.isEmpty() || !titles.contains(title),
                         qPrintable(table->objectName() + QStringLiteral(": ") + title));
                titles << title;
            }
        }
        ConnectionDialog dialog;
        texts.addWidgetTree(&dialog);
        for (const QString &problem : texts.problems())
            qWarning("English left in the Russian dashboard: %s", qPrintable(problem));
        QVERIFY2(texts.problems().isEmpty(), "English is left in the Russian dashboard (above)");
        // numbers follow the language: Russian groups digits with a (narrow) space
        QCOMPARE(QLocale().toString(1234567), QLocale(QLocale::Russian).toString(1234567));
    }

    // Sizes under a kilobyte in their plural forms: Qt's own word read "0 байты" in Russian.
    void smallSizesTakeTheirPluralForms() {
        installTranslations(*qApp, QStringLiteral("ru"));
        const QLocale russian(QStringLiteral("ru_RU"));
        QCOMPARE(formatBytes(0, russian), u"0 байт"_qs);
        QCOMPARE(formatBytes(1, russian), u"1 байт"_qs);
        QCOMPARE(formatBytes(3, russian), u"3 байта"_qs);
        QCOMPARE(formatBytes(512, russian), u"512 байт"_qs);
        installTranslations(*qApp, QStringLiteral("en"));
        const QLocale english(QStringLiteral("en_US"));
        QCOMPARE(formatBytes(0, english), u"0 bytes"_qs);
        QCOMPARE(formatBytes(1, english), u"1 byte"_qs);
        QCOMPARE(formatBytes(1536, english), u"1.5 kB"_qs);
    }

    void theCollectorFindsEnglish() { // the check above can fail
        TextCollector texts({u"acme"_qs});
        texts.add(u"a"_qs, u"Обновить сейчас"_qs);
        texts.add(u"b"_qs, u"Acme: bets_view, 5 мс, PostgreSQL 15"_qs);
        QVERIFY(texts.problems().isEmpty());
        texts.add(u"c"_qs, u"Refresh now"_qs);
        texts.add(u"d"_qs, u"<b>Последнее</b> update"_qs);
        texts.add(u"e"_qs, u"Tenant:"_qs); // punctuation does not make a word an identifier
        texts.add(u"f"_qs, u"выполните mvdash-admin sizes"_qs);
        texts.add(u"g"_qs, u"см. storage.* (mvdash-admin convert --to live)"_qs);
        texts.add(u"h"_qs, u"см. storage. --"_qs);
        QCOMPARE(texts.problems().size(), 4);
    }

    void theEnglishDashboardShowsNoPluralPlaceholders() {
        installTranslations(*qApp, QStringLiteral("en"));
        DashboardModels models(settings_);
        MainWindow w(&models);
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return !w.isLoading(); }, kPatienceMs));
        QStringList placeholders;
        for (Panel panel : w.panels()) {
            w.showPanel(panel);
            QVERIFY(QTest::qWaitFor([&] { return !w.isLoading(); }, kPatienceMs));
            for (QLabel *l : w.findChildren<QLabel *>())
                if (l->text().contains(u"(s)"))
                    placeholders << l->text();
        }
        QVERIFY2(placeholders.isEmpty(), qPrintable(placeholders.join(u'\n')));
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
