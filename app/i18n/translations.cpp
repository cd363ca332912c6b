#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace mvdash {

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

bool isAvailableLanguage(const QString &language) {
    return availableLanguages().contains(language);
}

QString requestedLanguage(const QStringList &arguments) {
    const QString option = QStringLiteral("--lang");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == option && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(option + u'='))
            return arguments[i].mid(option.size() + 1);
    }
    return {};
}

QString chooseLanguage(const QString &requested, const QString &saved) {
    if (!requested.isEmpty())
        return requested;
    if (isAvailableLanguage(saved))
        return saved;
    // uiLanguages: LANGUAGE, LC_ALL, LC_MESSAGES, LANG in the order glibc uses them
    for (const QString &tag : QLocale::system().uiLanguages()) {
        const QString language = QLocale(tag).name().section(u'_', 0, 0);
        if (isAvailableLanguage(language))
            return language;
    }
    return QStringLiteral("en");
}

QString installTranslations(QCoreApplication &app, const QString &language) {
    const QLocale locale(language);
    QLocale::setDefault(locale);
    // libpq's own messages (gettext) in the same language, where the system has its catalog
    qputenv("LANGUAGE", language.toUtf8());
    QStringList missing;
    // a second call replaces the first one's catalogs (their texts would win otherwise)
    const QString tag = QStringLiteral("mvdash-catalog");
    for (QTranslator *old : app.findChildren<QTranslator *>(tag, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    // owned by the application: they live as long as it does
    auto *own = new QTranslator(&app);
    own->setObjectName(tag);
    if (own->load(locale, QStringLiteral("mvdash"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        missing << QStringLiteral(":/i18n/mvdash_%1.qm").arg(language);
    if (language != u"en") {
        auto *qt = new QTranslator(&app);
        qt->setObjectName(tag);
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        // absent without qt6-translations-l10n (a Recommends): Qt's few own texts (the parser's
        // headings, standard buttons) stay English; not worth a warning at every run
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDir))
            QCoreApplication::installTranslator(qt);
    }
    return missing.isEmpty()
               ? QString()
               : QStringLiteral("translations not found: %1").arg(missing.join(u", "));
}

} // namespace mvdash
