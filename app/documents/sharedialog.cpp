#include "sharedialog.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "workspace/documents/documentspace.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

ShareDialog::ShareDialog(Workspace::DocumentSpace &space, const QString &documentId, QWidget *parent)
    : QDialog(parent), m_space(space), m_documentId(documentId)
{
    setObjectName(u"shareDialog"_s);
    setWindowTitle(tr("Share the document"));
    setAccessibleName(windowTitle());

    m_shares = new QListWidget(this);
    m_shares->setObjectName(u"shareList"_s);
    m_shares->setAccessibleName(tr("People the document is shared with"));
    m_removeShare = new QPushButton(tr("&Stop sharing"), this);
    m_removeShare->setObjectName(u"removeShareButton"_s);
    m_removeShare->setAccessibleName(tr("Stop sharing with the selected person"));
    m_removeShare->setAutoDefault(false);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"sharePersonFilter"_s);
    m_filter->setAccessibleName(tr("Find a person"));
    m_filter->setPlaceholderText(tr("Name or role"));
    m_filter->setClearButtonEnabled(true);
    m_people = new QListWidget(this);
    m_people->setObjectName(u"sharePersonList"_s);
    m_people->setAccessibleName(tr("People of the school"));
    m_mayChange = new QCheckBox(tr("May &change the document"), this);
    m_mayChange->setObjectName(u"shareMayChangeCheck"_s);
    m_mayChange->setAccessibleName(tr("The person may change the document"));
    m_shareButton = new QPushButton(tr("S&hare"), this);
    m_shareButton->setObjectName(u"shareButton"_s);
    m_shareButton->setAccessibleName(tr("Share with the selected person"));
    m_shareButton->setAutoDefault(false);
    m_error = createErrorLabel(this, u"shareDialogError"_s);

    connect(m_removeShare, &QPushButton::clicked, this, &ShareDialog::removeSelectedShare);
    connect(m_shareButton, &QPushButton::clicked, this, &ShareDialog::shareWithSelected);
    connect(m_filter, &QLineEdit::textChanged, this, &ShareDialog::filterPeople);
    connect(m_people, &QListWidget::currentItemChanged, this, &ShareDialog::updateButtons);
    connect(m_shares, &QListWidget::currentItemChanged, this, &ShareDialog::updateButtons);
    connect(m_people, &QListWidget::itemActivated, this, &ShareDialog::shareWithSelected);

    auto *form = new QFormLayout;
    auto addRow = [this, form](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("Shared &with:"), m_shares);
    form->addRow(QString(), m_removeShare);
    addRow(tr("&Find:"), m_filter);
    addRow(tr("&People:"), m_people);
    form->addRow(QString(), m_mayChange);
    form->addRow(QString(), m_shareButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"shareDialogButtons"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &ShareDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    setTabOrder(m_shares, m_removeShare);
    setTabOrder(m_removeShare, m_filter);
    setTabOrder(m_filter, m_people);
    setTabOrder(m_people, m_mayChange);
    setTabOrder(m_mayChange, m_shareButton);
    refresh();
    m_filter->setFocus();
}

void ShareDialog::refresh()
{
    m_shares->clear();
    for (const Core::Record &share : m_space.sharesOf(m_documentId)) {
        const QString name = m_space.nameOfAccount(share.text(u"account_id"_s));
        const QString text = share.text(u"permission"_s) == u"write"_s ? tr("%1 (may change it)").arg(name)
                                                                       : tr("%1 (may read it)").arg(name);
        auto *item = new QListWidgetItem(text, m_shares);
        item->setData(kIdRole, share.id());
    }
    if (m_shares->count() > 0)
        m_shares->setCurrentRow(0);
    else
        new QListWidgetItem(tr("Nobody yet"), m_shares);

    m_people->clear();
    for (const Workspace::DocumentSpace::Person &person : m_space.shareCandidates(m_documentId)) {
        const QString text = person.detail.isEmpty() ? person.name : tr("%1 — %2").arg(person.name, person.detail);
        auto *item = new QListWidgetItem(text, m_people);
        item->setData(kIdRole, person.accountId);
    }
    filterPeople(m_filter->text());
}

void ShareDialog::filterPeople(const QString &text)
{
    QListWidgetItem *first = nullptr;
    for (int i = 0; i < m_people->count(); ++i) {
        QListWidgetItem *item = m_people->item(i);
        const bool shown = item->text().contains(text.trimmed(), Qt::CaseInsensitive);
        item->setHidden(!shown);
        if (shown && !first)
            first = item;
    }
    if (!m_people->currentItem() || m_people->currentItem()->isHidden())
        m_people->setCurrentItem(first);
    updateButtons();
}

void ShareDialog::updateButtons()
{
    const QListWidgetItem *person = m_people->currentItem();
    m_shareButton->setEnabled(person && !person->isHidden());
    const QListWidgetItem *share = m_shares->currentItem();
    m_removeShare->setEnabled(share && !share->data(kIdRole).toString().isEmpty());
}

void ShareDialog::shareWithSelected()
{
    const QListWidgetItem *person = m_people->currentItem();
    if (!person || person->isHidden())
        return;
    clearAlert(m_error);
    const Core::Result<Core::Record> shared = m_space.share(m_documentId, person->data(kIdRole).toString(),
                                                            m_mayChange->isChecked());
    if (!shared) {
        showAlert(m_error, ErrorMessages::saveFailure(shared.error()));
        return;
    }
    m_filter->clear();
    refresh();
    m_filter->setFocus();
}

void ShareDialog::removeSelectedShare()
{
    const QListWidgetItem *share = m_shares->currentItem();
    if (!share || share->data(kIdRole).toString().isEmpty())
        return;
    clearAlert(m_error);
    if (const Core::Status removed = m_space.removeShare(share->data(kIdRole).toString()); !removed) {
        showAlert(m_error, ErrorMessages::saveFailure(removed.error()));
        return;
    }
    refresh();
    m_shares->setFocus();
}

} // namespace Cartable::Gui
