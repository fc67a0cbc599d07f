#pragma once

#include "core/userprofile.h"

#include <QDateTime>
#include <QFrame>
#include <QUrl>

class QLabel;
class QTableView;

namespace Cartable::Gui {

class RoleAssignmentModel;

// Who is signed in, where, and on which server: the name, the login, each
// role with its establishment and UAI, and when the server last answered.
class IdentityCard : public QFrame
{
    Q_OBJECT

public:
    explicit IdentityCard(QWidget *parent = nullptr);

    void setAccount(const Core::UserProfile &profile, const QUrl &server);
    // The time of the last connection check and its outcome; an invalid
    // time means no check has answered yet.
    void setLastCheck(const QDateTime &when, bool online);

    RoleAssignmentModel *roleModel() const { return m_roleModel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void fitRolesView();
    void updateAvatar();

    Core::UserProfile m_profile;
    QUrl m_server;
    QDateTime m_lastCheck;
    bool m_lastCheckOnline = false;

    RoleAssignmentModel *m_roleModel = nullptr;
    QLabel *m_avatarLabel = nullptr;
    QLabel *m_displayNameLabel = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLabel *m_rolesLabel = nullptr;
    QLabel *m_rolesHeading = nullptr;
    QTableView *m_rolesView = nullptr;
    QLabel *m_establishmentHeading = nullptr;
    QLabel *m_establishmentLabel = nullptr;
    QLabel *m_connectionHeading = nullptr;
    QLabel *m_serverCaption = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_lastCheckCaption = nullptr;
    QLabel *m_lastCheckLabel = nullptr;
    QLabel *m_hintLabel = nullptr;
};

} // namespace Cartable::Gui
