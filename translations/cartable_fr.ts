<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Cartable::Gui::ChangePasswordDialog</name>
    <message>
        <source>Choose your password – Cartable</source>
        <translation>Choisissez votre mot de passe – Cartable</translation>
    </message>
    <message>
        <source>Choose your password</source>
        <translation>Choisissez votre mot de passe</translation>
    </message>
    <message>
        <source>Your school gave you a temporary password. Choose your own to go on: the temporary one then stops working.</source>
        <translation>Votre établissement vous a donné un mot de passe provisoire. Choisissez le vôtre pour continuer&#xa0;: le mot de passe provisoire cessera alors de fonctionner.</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>Mot de passe &amp;provisoire&#xa0;:</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Mot de passe provisoire</translation>
    </message>
    <message>
        <source>Cancel and sign out</source>
        <translation>Annuler et se déconnecter</translation>
    </message>
    <message>
        <source>Change password – Cartable</source>
        <translation>Changer le mot de passe – Cartable</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>Changer de mot de passe</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Mot de passe &amp;actuel&#xa0;:</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the password change</source>
        <translation>Annuler le changement de mot de passe</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s), without your login.</source>
        <translation>
            <numerusform>Au moins %n caractère, sans votre identifiant.</numerusform>
            <numerusform>Au moins %n caractères, sans votre identifiant.</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;onfirm new password:</source>
        <translation>&amp;Confirmation&#xa0;:</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Confirmation du nouveau mot de passe</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>Password change problem</source>
        <translation>Problème de changement de mot de passe</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Changement du mot de passe…</translation>
    </message>
    <message>
        <source>Changing the password</source>
        <translation>Changement du mot de passe en cours</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Déconnexion en cours…</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>Déconnexion en cours</translation>
    </message>
    <message>
        <source>Type the temporary password your school gave you.</source>
        <translation>Saisissez le mot de passe provisoire donné par votre établissement.</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>Saisissez votre mot de passe actuel.</translation>
    </message>
    <message>
        <source>Changing it closes your other sessions: on your other devices, sign in again with the new password.</source>
        <translation>Le changer ferme vos autres sessions&#xa0;: sur vos autres appareils, reconnectez-vous avec le nouveau mot de passe.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>The server answered at %1.</source>
        <translation>Le serveur a répondu à %1.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>The server did not answer at %1. Cartable keeps trying.</source>
        <translation>Le serveur n’a pas répondu à %1. Cartable continue d’essayer.</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Vérification de la connexion…</translation>
    </message>
    <message>
        <source>Cartable is asking the server whether it answers.</source>
        <translation>Cartable vérifie que le serveur répond.</translation>
    </message>
    <message>
        <source>Connection to the server: %1</source>
        <translation>Connexion au serveur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::ErrorMessages</name>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>L’identifiant ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and your connection.</source>
        <translation>Le serveur est injoignable. Vérifiez l’adresse et votre connexion.</translation>
    </message>
    <message>
        <source>The connection to the server failed. Try again in a moment.</source>
        <translation>La connexion au serveur a échoué. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The system keychain refused to keep your session. Unlock it or check that a keychain service is running, then try again.</source>
        <translation>Le trousseau du système a refusé de conserver votre session. Déverrouillez-le ou vérifiez qu’un service de trousseau fonctionne, puis réessayez.</translation>
    </message>
    <message>
        <source>The server did not accept the login or the password as typed. Check them and try again.</source>
        <translation>Le serveur n’a pas accepté l’identifiant ou le mot de passe tels qu’ils ont été saisis. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>This address does not answer like a Cartable server. Check the server address.</source>
        <translation>Cette adresse ne répond pas comme un serveur Cartable. Vérifiez l’adresse du serveur.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Votre session a expiré. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>No remembered session was found on this computer. Sign in again.</source>
        <translation>Aucune session mémorisée n’a été trouvée sur cet ordinateur. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>This account may not sign in here. Ask your school’s administration.</source>
        <translation>Ce compte ne peut pas se connecter ici. Adressez-vous à l’administration de votre établissement.</translation>
    </message>
    <message>
        <source>The server could not complete the sign-in. Try again later or contact your school’s support.</source>
        <translation>Le serveur n’a pas pu terminer la connexion. Réessayez plus tard ou contactez l’assistance de votre établissement.</translation>
    </message>
    <message>
        <source>The server address is not valid. Type an address such as “ent.lycee.fr” or “https://ent.lycee.fr”.</source>
        <translation>L’adresse du serveur n’est pas valide. Saisissez une adresse comme «&#xa0;ent.lycee.fr&#xa0;» ou «&#xa0;https://ent.lycee.fr&#xa0;».</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Wait a few minutes before trying again.</source>
        <translation>Trop d’échecs de connexion. Patientez quelques minutes avant de réessayer.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Trop d’échecs de connexion. Réessayez dans %n minute.</numerusform>
            <numerusform>Trop d’échecs de connexion. Réessayez dans %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>Le nouveau mot de passe est trop court&#xa0;: utilisez au moins %n caractère.</numerusform>
            <numerusform>Le nouveau mot de passe est trop court&#xa0;: utilisez au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password is too long: use at most %n character(s).</source>
        <translation>
            <numerusform>Le nouveau mot de passe est trop long&#xa0;: utilisez au plus %n caractère.</numerusform>
            <numerusform>Le nouveau mot de passe est trop long&#xa0;: utilisez au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new password must not contain your login.</source>
        <translation>Le nouveau mot de passe ne doit pas contenir votre identifiant.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Le nouveau mot de passe doit être différent de l’actuel.</translation>
    </message>
    <message>
        <source>The server refused this new password. Choose another one.</source>
        <translation>Le serveur a refusé ce nouveau mot de passe. Choisissez-en un autre.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check your connection, then try again.</source>
        <translation>Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.</translation>
    </message>
    <message>
        <source>The server could not change the password. Try again later or contact your school’s support.</source>
        <translation>Le serveur n’a pas pu changer le mot de passe. Réessayez plus tard ou contactez l’assistance de votre établissement.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::IdentityCard</name>
    <message>
        <source>Login: %1</source>
        <translation>Identifiant&#xa0;: %1</translation>
    </message>
    <message>
        <source>No role in any establishment yet.</source>
        <translation>Aucun rôle dans un établissement pour l’instant.</translation>
    </message>
    <message>
        <source>&amp;Roles in your establishments</source>
        <translation>&amp;Rôles dans vos établissements</translation>
    </message>
    <message>
        <source>Roles in your establishments</source>
        <translation>Rôles dans vos établissements</translation>
    </message>
    <message>
        <source>One row per role, with its establishment and its UAI.</source>
        <translation>Une ligne par rôle, avec son établissement et son UAI.</translation>
    </message>
    <message>
        <source>%1 (UAI %2)</source>
        <translation>%1 (UAI %2)</translation>
    </message>
    <message>
        <source>Establishments</source>
        <translation>Établissements</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Last connection check</source>
        <translation>Dernière vérification de la connexion</translation>
    </message>
    <message>
        <source>Not yet: the check is under way.</source>
        <translation>Pas encore&#xa0;: la vérification est en cours.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1, the server answered.</source>
        <translation>%1, le serveur a répondu.</translation>
    </message>
    <message>
        <source>%1, the server did not answer.</source>
        <translation>%1, le serveur n’a pas répondu.</translation>
    </message>
    <message>
        <source>On a computer that others use, choose Account › Sign out before you leave: your session is then closed on the server and removed from this computer.</source>
        <translation>Sur un ordinateur partagé, choisissez Compte › Déconnexion avant de partir&#xa0;: votre session est alors fermée sur le serveur et retirée de cet ordinateur.</translation>
    </message>
    <message>
        <source>Last check:</source>
        <translation>Dernière vérification&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::LoginDialog</name>
    <message>
        <source>Sign in – Cartable</source>
        <translation>Connexion – Cartable</translation>
    </message>
    <message>
        <source>Sign in to Cartable</source>
        <translation>Connexion à Cartable</translation>
    </message>
    <message>
        <source>Your school gives you the address of its server, your login and your password.</source>
        <translation>Votre établissement vous communique l’adresse de son serveur, votre identifiant et votre mot de passe.</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Adresse du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>firstname.lastname</source>
        <translation>prenom.nom</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>Se &amp;souvenir de moi</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Se souvenir de moi</translation>
    </message>
    <message>
        <source>Stay signed in after quitting. Leave this off on a computer that others use.</source>
        <translation>Rester connecté après avoir quitté Cartable. Laissez décoché sur un ordinateur partagé.</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Quit Cartable</source>
        <translation>Quitter Cartable</translation>
    </message>
    <message>
        <source>Opening your remembered session…</source>
        <translation>Ouverture de votre session mémorisée…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Type your login.</source>
        <translation>Saisissez votre identifiant.</translation>
    </message>
    <message>
        <source>A login is made of lower-case letters, digits, dots, hyphens and underscores.</source>
        <translation>Un identifiant ne contient que des lettres minuscules, des chiffres, des points, des traits d’union et des tirets bas.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>ent.school.example</source>
        <comment>an example of server address</comment>
        <translation>ent.lycee.fr</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::MainWindow</name>
    <message>
        <source>Cartable</source>
        <translation>Cartable</translation>
    </message>
    <message>
        <source>%1 – Cartable</source>
        <translation>%1 – Cartable</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Check the connection now</source>
        <translation>&amp;Vérifier la connexion maintenant</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Déconnexion</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;About Cartable</source>
        <translation>À &amp;propos de Cartable</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Votre compte</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Déconnexion en cours…</translation>
    </message>
    <message>
        <source>About Cartable</source>
        <translation>À propos de Cartable</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cartable %1&lt;/h3&gt;&lt;p&gt;The school workspace that keeps working without a network.&lt;/p&gt;&lt;p&gt;Free software for French schools, built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cartable %1&lt;/h3&gt;&lt;p&gt;L’espace numérique de travail qui fonctionne même sans réseau.&lt;/p&gt;&lt;p&gt;Logiciel libre pour les établissements scolaires, construit avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Changer le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Password changed. Your other sessions are closed.</source>
        <translation>Mot de passe modifié. Vos autres sessions sont fermées.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::RoleAssignmentModel</name>
    <message>
        <source>National identifier (UAI) of %1</source>
        <translation>Identifiant national (UAI) de %1</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Establishment</source>
        <translation>Établissement</translation>
    </message>
    <message>
        <source>UAI</source>
        <translation>UAI</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::RoleNames</name>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Responsable légal</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>Student life (CPE)</source>
        <translation>Vie scolaire (CPE)</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Secrétariat</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation>Collectivité</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cartable, the school workspace.</source>
        <translation>Cartable, l’espace numérique de travail scolaire.</translation>
    </message>
    <message>
        <source>Pre-fill the server address with &lt;url&gt;.</source>
        <translation>Préremplir l’adresse du serveur avec &lt;url&gt;.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
</context>
</TS>
