#pragma once

#include "workspace/workspace.h"

#include "core/rules/hundredths.h"

#include <QAbstractTableModel>

#include <optional>

namespace Cartable::Workspace {

// The appreciations of a teaching's students for one period, beside each
// student's subject average (docs/RULES.md) and how many grades it counts.
// The appreciation column is editable unless the period is closed; an empty
// text removes the appreciation.
class AppreciationModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kMaxLength = 1000;

    enum Column { StudentColumn, AverageColumn, GradeCountColumn, AppreciationColumn, ColumnCount };
    enum Role {
        StudentIdRole = Qt::UserRole + 1,
        AppreciationIdRole, // empty when none is written
        AverageRole,        // the average in hundredths (qint64), or an invalid QVariant
        ClassIdRole,        // the class the appreciation is written for
    };

    explicit AppreciationModel(Workspace &workspace, QObject *parent = nullptr);

    void setTeaching(const Teaching &teaching);
    const Teaching &teaching() const { return m_teaching; }
    // An empty id takes the period of the workspace's today.
    void setPeriod(const QString &periodId);
    QString periodId() const { return m_period.id(); }

    // Whether nothing can be written, and why (a translated sentence).
    bool isReadOnly() const;
    QString readOnlyReason() const;

    // Writes, changes or (empty text) removes the appreciation of a row.
    // Errors: PeriodClosed (context: the period's name), FieldTooLong
    // ("period_appreciation.text"), MissingField ("period_appreciation.class_id")
    // for a student in no class, NotFound for a wrong row, or the store's.
    [[nodiscard]] Core::Status setAppreciation(int row, const QString &text);
    // The error of the last refused setData().
    const std::optional<Core::Error> &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The period changed, or was closed or opened.
    void readOnlyChanged(bool readOnly);

private:
    struct Line
    {
        Student student;
        QString classId;
        std::optional<Core::Hundredths> average;
        int gradeCount = 0;
        std::optional<Core::Record> appreciation;
    };

    QList<Line> fetch() const;
    void reload();
    void reset();
    void onChanged(const QString &type, const QString &id);

    Workspace &m_workspace;
    Teaching m_teaching;
    Core::Record m_period;
    QList<Line> m_lines;
    std::optional<Core::Error> m_lastError;
};

} // namespace Cartable::Workspace
