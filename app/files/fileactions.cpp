#include "fileactions.h"

#include "app/common/errormessages.h"
#include "core/files/filetype.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "workspace/files/filestates.h"
#include "workspace/lessons/attachmentstore.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QWidget>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

FileActions::FileActions(Workspace::FileStates &files, QWidget *parent)
    : QObject(parent),
      m_files(files),
      m_parent(parent),
      m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    connect(&files, &Workspace::FileStates::downloadFinished, this, &FileActions::onDownloadFinished);
}

FileActions::~FileActions() = default;

bool FileActions::mayOpen(const QString &fileName)
{
    return !Core::runsWhenOpened(fileName);
}

void FileActions::open(const FileRef &file)
{
    if (!mayOpen(file.name)) {
        Q_EMIT failed(tr("%1 could run as a program: it is not opened from Cartable. Save it, then check it "
                         "before opening it.")
                          .arg(file.name));
        return;
    }
    whenHere({Then::Open, file, {}});
}

void FileActions::chooseSaveTarget(const FileRef &file)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(Workspace::AttachmentStore::sanitisedFileName(file.name));
    const QString target = QFileDialog::getSaveFileName(m_parent, tr("Save as"), suggested);
    if (!target.isEmpty())
        saveTo(file, target);
}

void FileActions::saveTo(const FileRef &file, const QString &target)
{
    whenHere({Then::Save, file, target});
}

void FileActions::download(const FileRef &file)
{
    whenHere({Then::Nothing, file, {}});
}

void FileActions::cancelDownload(const QString &sha256)
{
    m_pending.remove(sha256);
    m_files.transfers().cancelDownload(sha256);
}

void FileActions::retryUpload(const QString &sha256)
{
    if (const Core::Status retried = m_files.transfers().retryUpload(sha256); !retried)
        Q_EMIT failed(ErrorMessages::fileFailure(retried.error()));
    else
        Q_EMIT succeeded(tr("The file will be sent again at the next synchronisation."));
}

void FileActions::whenHere(const Pending &pending)
{
    if (m_files.cache().contains(pending.file.sha256)) {
        perform(pending);
        return;
    }
    m_pending.insert(pending.file.sha256, pending);
    m_files.transfers().download(pending.file.sha256, pending.file.size);
}

void FileActions::perform(const Pending &pending)
{
    const FileRef &file = pending.file;
    switch (pending.then) {
    case Then::Nothing:
        return;
    case Then::Save:
        if (const Core::Status saved = m_files.cache().saveAs(file.sha256, pending.target); !saved) {
            Q_EMIT failed(tr("%1 could not be saved in %2. Check that the folder exists and that you may write "
                             "there.")
                              .arg(file.name, QDir::toNativeSeparators(QFileInfo(pending.target).absolutePath())));
            return;
        }
        Q_EMIT succeeded(tr("Saved as %1").arg(QDir::toNativeSeparators(pending.target)));
        return;
    case Then::Open: {
        // The cache names files by their hash: the program that opens the
        // copy needs the file's own name to know its type.
        if (!m_openFolder || !m_openFolder->isValid())
            m_openFolder = std::make_unique<QTemporaryDir>();
        const QString folder = QDir(m_openFolder->path()).filePath(file.sha256.left(16));
        const QString copy = QDir(folder).filePath(Workspace::AttachmentStore::sanitisedFileName(file.name));
        const bool copied = QFileInfo::exists(copy)
                            || (QDir().mkpath(folder) && m_files.cache().saveAs(file.sha256, copy).ok());
        if (!copied) {
            Q_EMIT failed(tr("%1 could not be prepared for opening. Check the free disk space.").arg(file.name));
            return;
        }
        if (!m_opener(QUrl::fromLocalFile(copy)))
            Q_EMIT failed(tr("No program on this computer opens %1. Save it and open it yourself.").arg(file.name));
        return;
    }
    }
}

void FileActions::onDownloadFinished(const QString &sha256, const Core::Status &status)
{
    const QList<Pending> pending = m_pending.values(sha256);
    m_pending.remove(sha256);
    if (!status) {
        const bool cancelled = status.error().code == Core::ErrorCode::Internal
                               && status.error().context == u"cancelled"_s;
        if (!cancelled && !pending.isEmpty())
            Q_EMIT failed(tr("%1 could not be downloaded: %2")
                              .arg(pending.constFirst().file.name, ErrorMessages::fileFailure(status.error())));
        return;
    }
    for (const Pending &next : pending)
        perform(next);
}

} // namespace Cartable::Gui
