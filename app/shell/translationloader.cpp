#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>

namespace Cartable::Gui {

Q_LOGGING_CATEGORY(lcTranslation, "cartable.gui.translation")

using namespace Qt::StringLiterals;

TranslationLoader::TranslationLoader(QObject *parent) : QObject(parent) {}

TranslationLoader::~TranslationLoader()
{
    unload();
}

bool TranslationLoader::load(const QLocale &locale)
{
    unload();
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        // English is the source language; its catalogue only holds the plural
        // forms ("1 minute", "2 minutes"). Qt's own strings are English already.
        if (m_cartable.load(u"cartable_en"_s, u":/i18n"_s))
            m_cartableInstalled = QCoreApplication::installTranslator(&m_cartable);
        return m_cartableInstalled;
    }

    if (m_qt.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
    else
        qCInfo(lcTranslation) << "no Qt translation for" << locale.name();

    if (!m_cartable.load(locale, u"cartable"_s, u"_"_s, u":/i18n"_s)) {
        qCInfo(lcTranslation) << "no Cartable translation for" << locale.name();
        return false;
    }
    m_cartableInstalled = QCoreApplication::installTranslator(&m_cartable);
    return m_cartableInstalled;
}

void TranslationLoader::unload()
{
    if (m_cartableInstalled)
        QCoreApplication::removeTranslator(&m_cartable);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    m_cartableInstalled = false;
    m_qtInstalled = false;
}

} // namespace Cartable::Gui
