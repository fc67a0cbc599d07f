#pragma once

#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

class QWidget;

namespace Cartable::Workspace {
class FileStates;
}

namespace Cartable::Gui {

// A file as a row names it.
struct FileRef
{
    QString sha256;
    QString name;
    qint64 size = 0;
};

// What a screen does with a file: open it with the program the desktop
// chooses (never a file that would run as a program: those are only saved),
// save a copy where the user says, download it, cancel or retry. A file that
// is not on this computer yet is downloaded first; the action follows when
// it is here.
class FileActions : public QObject
{
    Q_OBJECT

public:
    FileActions(Workspace::FileStates &files, QWidget *parent);
    ~FileActions() override;

    // Whether Open is offered for a file of this name.
    static bool mayOpen(const QString &fileName);

    void open(const FileRef &file);
    // Asks where to save, then saveTo().
    void chooseSaveTarget(const FileRef &file);
    void saveTo(const FileRef &file, const QString &target);
    void download(const FileRef &file);
    void cancelDownload(const QString &sha256);
    void retryUpload(const QString &sha256);

    // How files are handed to the desktop (QDesktopServices by default).
    void setOpener(std::function<bool(const QUrl &)> opener) { m_opener = std::move(opener); }

Q_SIGNALS:
    // A sentence for the user: what went wrong, or what was done.
    void failed(const QString &sentence);
    void succeeded(const QString &sentence);

private:
    enum class Then { Nothing, Open, Save };
    struct Pending
    {
        Then then = Then::Nothing;
        FileRef file;
        QString target;
    };
    void whenHere(const Pending &pending);
    void perform(const Pending &pending);
    void onDownloadFinished(const QString &sha256, const Core::Status &status);

    Workspace::FileStates &m_files;
    QPointer<QWidget> m_parent;
    std::function<bool(const QUrl &)> m_opener;
    std::unique_ptr<QTemporaryDir> m_openFolder;
    QMultiHash<QString, Pending> m_pending; // sha256 → what follows its download
};

} // namespace Cartable::Gui
