#include "documentsmodel.h"

#include "documentspace.h"

#include "workspace/workspace.h"

#include <QCollator>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace Cartable::Workspace {

using Core::Record;
using namespace Qt::StringLiterals;

DocumentsModel::DocumentsModel(Workspace &workspace, DocumentSpace &space, FileStates &files, QObject *parent)
    : QAbstractTableModel(parent),
      m_workspace(workspace),
      m_space(space),
      m_files(files),
      m_sizeText(
          [](qint64 bytes) { return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat); }),
      m_stateText([](const FileState &) { return QString(); })
{
    connect(&workspace, &Workspace::changed, this, [this](const QString &type) {
        if (type == u"document"_s || type == u"document_share"_s || type == u"document_folder"_s)
            reload();
    });
    connect(&workspace, &Workspace::reloaded, this, &DocumentsModel::reload);
    connect(&files, &FileStates::fileChanged, this, &DocumentsModel::onFileChanged);
    connect(&files, &FileStates::queueChanged, this, [this] { onFileChanged({}); });
}

void DocumentsModel::setSizeText(std::function<QString(qint64)> text)
{
    m_sizeText = std::move(text);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SizeColumn), index(rowCount() - 1, SizeColumn));
}

void DocumentsModel::setStateText(std::function<QString(const FileState &)> text)
{
    m_stateText = std::move(text);
    onFileChanged({});
}

void DocumentsModel::setFolder(const QString &folderId)
{
    m_folderId = folderId;
    m_shared = false;
    reload();
}

void DocumentsModel::showSharedWithMe()
{
    m_folderId.clear();
    m_shared = true;
    reload();
}

void DocumentsModel::clear()
{
    m_folderId.clear();
    m_shared = false;
    reload();
}

QList<Record> DocumentsModel::load() const
{
    QList<Record> rows;
    if (m_shared) {
        for (const Record &share :
             m_workspace.select(u"document_share"_s, u"account_id = ?"_s, {m_workspace.accountId()})) {
            if (const std::optional<Record> document = m_workspace.row(u"document"_s, share.text(u"document_id"_s)))
                rows.append(*document);
        }
    } else if (!m_folderId.isEmpty()) {
        rows = m_workspace.select(u"document"_s, u"folder_id = ?"_s, {m_folderId});
    }
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(rows.begin(), rows.end(), [&collator](const Record &a, const Record &b) {
        const int byName = collator.compare(a.text(u"name"_s), b.text(u"name"_s));
        return byName != 0 ? byName < 0 : a.id() < b.id();
    });
    return rows;
}

void DocumentsModel::reload()
{
    beginResetModel();
    m_rows = load();
    endResetModel();
}

void DocumentsModel::onFileChanged(const QString &sha256)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (sha256.isEmpty() || m_rows.at(row).text(u"sha256"_s) == sha256) {
            const QModelIndex cell = index(row, StateColumn);
            Q_EMIT dataChanged(cell, cell);
        }
    }
}

int DocumentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DocumentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Record &document = m_rows.at(index.row());
    const qint64 size = document.number(u"size_bytes"_s);
    switch (role) {
    case IdRole:
        return document.id();
    case Sha256Role:
        return document.text(u"sha256"_s);
    case SizeRole:
        return size;
    case MimeTypeRole:
        return document.text(u"mime_type"_s);
    case StateKindRole:
        return int(m_files.state(document.text(u"sha256"_s), size).kind);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return document.text(u"name"_s);
    case SizeColumn:
        return m_sizeText(size);
    case AddedByColumn:
        return m_space.nameOfAccount(document.text(u"uploaded_by"_s));
    case DateColumn: {
        const QDateTime added = QDateTime::fromMSecsSinceEpoch(document.number(u"uploaded_at"_s));
        return QLocale().toString(added, QLocale::ShortFormat);
    }
    case StateColumn:
        return m_stateText(m_files.state(document.text(u"sha256"_s), size));
    default:
        return {};
    }
}

QVariant DocumentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case AddedByColumn:
        return tr("Added by");
    case DateColumn:
        return tr("Added on");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

Record DocumentsModel::documentAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Record();
}

int DocumentsModel::rowOf(const QString &documentId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id() == documentId)
            return row;
    }
    return -1;
}

} // namespace Cartable::Workspace
