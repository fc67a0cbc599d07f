<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cartable::Gui::ChangePasswordDialog</name>
    <message>
        <source>Choose your password – Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your school gave you a temporary password. Choose your own to go on: the temporary one then stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel and sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password – Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the password change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s), without your login.</source>
        <translation>
            <numerusform>At least %n character, without your login.</numerusform>
            <numerusform>At least %n characters, without your login.</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;onfirm new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password change problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the temporary password your school gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing it closes your other sessions: on your other devices, sign in again with the new password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer at %1. Cartable keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cartable is asking the server whether it answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::ErrorMessages</name>
    <message>
        <source>The login or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server failed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain refused to keep your session. Unlock it or check that a keychain service is running, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the login or the password as typed. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address does not answer like a Cartable server. Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No remembered session was found on this computer. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account may not sign in here. Ask your school’s administration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not complete the sign-in. Try again later or contact your school’s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address is not valid. Type an address such as “ent.lycee.fr” or “https://ent.lycee.fr”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Wait a few minutes before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins. Try again in %n minute.</numerusform>
            <numerusform>Too many failed sign-ins. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>The new password is too short: use at least %n character.</numerusform>
            <numerusform>The new password is too short: use at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password is too long: use at most %n character(s).</source>
        <translation>
            <numerusform>The new password is too long: use at most %n character.</numerusform>
            <numerusform>The new password is too long: use at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new password must not contain your login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this new password. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Check your connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not change the password. Try again later or contact your school’s support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::IdentityCard</name>
    <message>
        <source>Login: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No role in any establishment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles in your establishments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles in your establishments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per role, with its establishment and its UAI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (UAI %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Establishments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last connection check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet: the check is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, the server answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, the server did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a computer that others use, choose Account › Sign out before you leave: your session is then closed on the server and removed from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::LoginDialog</name>
    <message>
        <source>Sign in – Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your school gives you the address of its server, your login and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firstname.lastname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay signed in after quitting. Leave this off on a computer that others use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your remembered session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A login is made of lower-case letters, digits, dots, hyphens and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ent.school.example</source>
        <comment>an example of server address</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::MainWindow</name>
    <message>
        <source>Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check the connection now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cartable %1&lt;/h3&gt;&lt;p&gt;The school workspace that keeps working without a network.&lt;/p&gt;&lt;p&gt;Free software for French schools, built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed. Your other sessions are closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::RoleAssignmentModel</name>
    <message>
        <source>National identifier (UAI) of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UAI</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::RoleNames</name>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student life (CPE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cartable, the school workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-fill the server address with &lt;url&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
