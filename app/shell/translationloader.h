#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

namespace Cartable::Gui {

// Installs the translations of the user interface for a locale: Cartable's own
// (embedded under :/i18n) and Qt's (standard buttons, context menus).
class TranslationLoader : public QObject
{
    Q_OBJECT

public:
    explicit TranslationLoader(QObject *parent = nullptr);
    ~TranslationLoader() override;

    // Returns true when Cartable has a catalogue for the locale. For English,
    // the source language, the catalogue only brings the plural forms.
    bool load(const QLocale &locale);
    void unload();

private:
    QTranslator m_cartable;
    QTranslator m_qt;
    bool m_cartableInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace Cartable::Gui
