#include "signoutdialog.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "sync/connectivitymonitor.h"
#include "sync/replicastore.h"
#include "workspace/syncedworkspace.h"

#include <QAccessible>
#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

// A hint under its choice, in the secondary colour, lined up with the
// choice's text rather than its circle.
QLabel *createHint(QWidget *parent)
{
    auto *hint = new QLabel(parent);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setContentsMargins(24, 0, 0, 6);
    return hint;
}

} // namespace

SignOutDialog::SignOutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"signOutDialog"_s);
    setWindowIcon(QIcon(u":/icons/cartable-64.png"_s));
    buildUi();
    retranslateUi();

    connect(m_choices, &QButtonGroup::idToggled, this, [this] {
        m_discardCheck->setEnabled(m_removeRadio->isChecked());
        updateButtons();
    });
    connect(m_discardCheck, &QCheckBox::toggled, this, &SignOutDialog::updateButtons);
    connect(m_syncButton, &QPushButton::clicked, this, &SignOutDialog::syncFirst);
    connect(m_signOutButton, &QPushButton::clicked, this, &SignOutDialog::accept);
    connect(m_cancelButton, &QPushButton::clicked, this, &SignOutDialog::reject);
}

SignOutDialog::~SignOutDialog() = default;

void SignOutDialog::buildUi()
{
    QHBoxLayout *header = createDialogHeader(this, m_titleLabel, m_introLabel);

    m_keepRadio = new QRadioButton(this);
    m_keepRadio->setObjectName(u"keepCopyRadio"_s);
    m_keepHint = createHint(this);
    m_removeRadio = new QRadioButton(this);
    m_removeRadio->setObjectName(u"removeCopyRadio"_s);
    m_removeHint = createHint(this);
    m_choices = new QButtonGroup(this);
    m_choices->addButton(m_keepRadio, static_cast<int>(Choice::Keep));
    m_choices->addButton(m_removeRadio, static_cast<int>(Choice::Remove));

    m_unsentLabel = createErrorLabel(this, u"unsentLabel"_s);
    m_discardCheck = new QCheckBox(this);
    m_discardCheck->setObjectName(u"discardUnsentCheck"_s);
    m_discardCheck->hide();
    m_syncHint = new QLabel(this);
    m_syncHint->setObjectName(u"syncFirstHint"_s);
    m_syncHint->setWordWrap(true);
    m_syncButton = new QPushButton(this);
    m_syncButton->setObjectName(u"syncFirstButton"_s);
    m_syncButton->setAutoDefault(false);
    auto *syncRow = new QHBoxLayout;
    syncRow->addWidget(m_syncHint, 1);
    syncRow->addWidget(m_syncButton, 0, Qt::AlignVCenter);
    m_syncHint->hide();
    m_syncButton->hide();

    auto *form = new QVBoxLayout;
    form->setSpacing(2);
    form->addWidget(m_keepRadio);
    form->addWidget(m_keepHint);
    form->addWidget(m_removeRadio);
    form->addWidget(m_removeHint);
    form->addSpacing(6);
    form->addWidget(m_unsentLabel);
    form->addWidget(m_discardCheck);
    form->addLayout(syncRow);

    const DialogFrame frame = buildDialogFrame(this, header, form, u"signOutError"_s);
    m_errorLabel = frame.error;
    m_statusLabel = frame.status;
    m_busyBar = frame.busy;
    m_signOutButton = frame.buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signOutButton->setObjectName(u"signOutButton"_s);
    m_signOutButton->setDefault(true);
    m_cancelButton = frame.buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setAutoDefault(false);

    setTabOrder(m_keepRadio, m_removeRadio);
    setTabOrder(m_removeRadio, m_discardCheck);
    setTabOrder(m_discardCheck, m_syncButton);
    setTabOrder(m_syncButton, m_signOutButton);
    setTabOrder(m_signOutButton, m_cancelButton);
    setMinimumWidth(520);
}

void SignOutDialog::retranslateUi()
{
    setWindowTitle(tr("Sign out – Cartable"));
    m_titleLabel->setText(tr("Sign out of Cartable"));
    m_introLabel->setText(tr("Cartable keeps a copy of your school data on this computer, so that it opens faster "
                             "and works without a network. What should become of it?"));
    m_keepRadio->setText(tr("&Keep the offline copy on this computer"));
    m_keepRadio->setAccessibleName(tr("Keep the offline copy"));
    m_keepHint->setText(tr("The next sign-in is faster and works offline. Choose this only on a computer that "
                           "nobody else uses."));
    m_keepRadio->setAccessibleDescription(m_keepHint->text());
    m_removeRadio->setText(tr("&Remove the offline copy from this computer"));
    m_removeRadio->setAccessibleName(tr("Remove the offline copy"));
    m_removeHint->setText(tr("Recommended on a shared computer. Your data stays on the school’s server; the next "
                             "sign-in downloads it again."));
    m_removeRadio->setAccessibleDescription(m_removeHint->text());
    m_unsentLabel->setAccessibleName(tr("Changes not yet sent"));
    m_errorLabel->setAccessibleName(tr("Synchronisation problem"));
    m_discardCheck->setText(tr("I &accept that these changes will be lost"));
    m_discardCheck->setAccessibleName(tr("Accept losing the changes not yet sent"));
    m_syncHint->setText(tr("The server answers: synchronise first to send them, then sign out."));
    m_syncButton->setText(tr("S&ynchronise first"));
    m_syncButton->setAccessibleName(tr("Synchronise first"));
    m_syncButton->setAccessibleDescription(m_syncHint->text());
    m_busyBar->setAccessibleName(tr("Sending your changes"));
    m_signOutButton->setText(tr("Sign &out"));
    m_signOutButton->setAccessibleName(tr("Sign out"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setAccessibleName(tr("Cancel the sign-out"));
    refresh();
}

void SignOutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SignOutDialog::start(Workspace::SyncedWorkspace *synced, Sync::ConnectivityMonitor *monitor)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_synced = synced;
    m_monitor = monitor;
    m_syncRequested = false;
    m_syncWasRunning = false;

    // Nothing is chosen for the user.
    m_choices->setExclusive(false);
    m_keepRadio->setChecked(false);
    m_removeRadio->setChecked(false);
    m_choices->setExclusive(true);
    m_discardCheck->setChecked(false);
    m_discardCheck->setEnabled(false);
    m_unsentLabel->clear();
    clearAlert(m_errorLabel);
    m_statusLabel->hide();
    m_busyBar->hide();

    if (m_synced) {
        m_connections.append(
            connect(m_synced, &Workspace::SyncedWorkspace::statusChanged, this, &SignOutDialog::onSyncStatusChanged));
    }
    if (m_monitor)
        m_connections.append(
            connect(m_monitor, &Sync::ConnectivityMonitor::onlineChanged, this, &SignOutDialog::refresh));
    refresh();
    m_keepRadio->setFocus(Qt::OtherFocusReason);
}

SignOutDialog::Choice SignOutDialog::choice() const
{
    if (m_keepRadio->isChecked())
        return Choice::Keep;
    if (m_removeRadio->isChecked())
        return Choice::Remove;
    return Choice::None;
}

void SignOutDialog::refresh()
{
    if (m_synced) {
        const Core::Result<qint64> pending = m_synced->store().pendingCount();
        m_pending = pending ? std::optional<qint64>(*pending) : std::nullopt;
    } else {
        m_pending.reset();
    }
    const bool unsent = !m_pending || *m_pending > 0;
    const QString warning
        = !unsent     ? QString()
          : m_pending ? tr("%n change(s) made on this computer have not reached the server yet. Removing the copy "
                           "loses them.",
                           nullptr, static_cast<int>(std::min<qint64>(*m_pending, std::numeric_limits<int>::max())))
                      : tr("Cartable cannot read this copy to tell whether it holds changes not yet sent to the "
                           "server. Removing it may lose them.");
    if (warning.isEmpty())
        clearAlert(m_unsentLabel);
    else if (warning != m_unsentLabel->text() || m_unsentLabel->isHidden())
        showAlert(m_unsentLabel, warning);
    m_discardCheck->setVisible(unsent);
    if (!unsent)
        m_discardCheck->setChecked(false);

    const bool syncing = m_synced && m_synced->isSyncing();
    const bool online = m_monitor && m_monitor->isOnline();
    const bool canSync = m_synced && m_pending && *m_pending > 0 && online;
    m_syncHint->setVisible(canSync || (m_syncRequested && syncing));
    m_syncButton->setVisible(m_syncHint->isVisibleTo(this));
    m_syncButton->setEnabled(canSync && !syncing);
    const bool sending = m_syncRequested && syncing;
    m_busyBar->setVisible(sending);
    if (sending) {
        m_statusLabel->setText(tr("Sending your changes…"));
        m_statusLabel->show();
    }
    updateButtons();
}

void SignOutDialog::updateButtons()
{
    const bool unsent = !m_pending || *m_pending > 0;
    const Choice chosen = choice();
    m_signOutButton->setEnabled(chosen == Choice::Keep
                                || (chosen == Choice::Remove && (!unsent || m_discardCheck->isChecked())));
}

void SignOutDialog::accept()
{
    // Never without a choice, nor removing unsent changes unconfirmed.
    if (!m_signOutButton->isEnabled())
        return;
    QDialog::accept();
}

void SignOutDialog::syncFirst()
{
    if (!m_synced || m_synced->isSyncing())
        return;
    clearAlert(m_errorLabel);
    m_syncRequested = true;
    m_syncWasRunning = false;
    m_synced->syncNow();
    refresh();
}

void SignOutDialog::onSyncStatusChanged()
{
    refresh();
    if (!m_syncRequested || !m_synced)
        return;
    if (m_synced->isSyncing()) {
        m_syncWasRunning = true;
        return;
    }
    if (!m_syncWasRunning)
        return;
    // The scheduler says the sync ended before the workspace has read its
    // outcome: what is still waiting decides, then the error once known.
    if (m_pending && *m_pending == 0) {
        m_syncRequested = false;
        m_statusLabel->setText(tr("Every change has reached the server."));
        m_statusLabel->show();
        QAccessibleEvent done(m_statusLabel, QAccessible::Alert);
        QAccessible::updateAccessibility(&done);
    } else if (const std::optional<Core::Error> error = m_synced->lastError()) {
        m_syncRequested = false;
        m_statusLabel->hide();
        showAlert(m_errorLabel, ErrorMessages::syncFailure(*error));
    }
    refresh();
}

} // namespace Cartable::Gui
