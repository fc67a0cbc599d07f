<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Cartable::Gui::AppController</name>
    <message>
        <source>Your session could not be removed from the system keychain. Remove the “Cartable” entry from it yourself.</source>
        <translation>Votre session n’a pas pu être retirée du trousseau du système. Retirez-y vous-même l’entrée « Cartable ».</translation>
    </message>
    <message>
        <source>The offline copy could not be removed from this computer: %1</source>
        <translation>La copie hors ligne n’a pas pu être supprimée de cet ordinateur : %1</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::AppreciationDelegate</name>
    <message>
        <source>Appreciation of %1</source>
        <translation>Appréciation de %1</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::AppreciationsView</name>
    <message>
        <source>Appreciations</source>
        <translation>Appréciations</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <source>&amp;Teaching:</source>
        <translation>&amp;Enseignement&#xa0;:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>Appreciations of the students</source>
        <translation>Appréciations des élèves</translation>
    </message>
    <message>
        <source>Characters typed</source>
        <translation>Caractères saisis</translation>
    </message>
    <message>
        <source>Enter or F2 writes the selected student&apos;s appreciation; Ctrl+Enter or Tab saves it and goes to the next student, Escape gives up the change.</source>
        <translation>Entrée ou F2&#xa0;: saisir l’appréciation de l’élève sélectionné&#xa0;; Ctrl+Entrée ou Tab&#xa0;: l’enregistrer et passer à l’élève suivant&#xa0;; Échap&#xa0;: annuler la modification.</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (clôturée)</translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation>Lecture seule&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caractères</translation>
    </message>
    <message>
        <source>%1 — too long</source>
        <translation>%1 — trop long</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistrée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::AttachmentMessages</name>
    <message>
        <source>%1 is too large: a file can have at most %2.</source>
        <translation>%1 est trop volumineux&#xa0;: un fichier peut faire au plus %2.</translation>
    </message>
    <message>
        <source>%1 cannot be read: check that it still exists and that you may open it.</source>
        <translation>%1 ne peut pas être lu&#xa0;: vérifiez qu’il existe toujours et que vous avez le droit de l’ouvrir.</translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to attach.</source>
        <translation>%1 est vide&#xa0;: il n’y a rien à joindre.</translation>
    </message>
    <message>
        <source>%1 could not be copied on this computer. Check the free disk space, then try again.</source>
        <translation>%1 n’a pas pu être copié sur cet ordinateur. Vérifiez l’espace disque disponible, puis réessayez.</translation>
    </message>
    <message>
        <source>%1 is not of a type the school accepts (documents, pictures, sound, video, ZIP archives, plain text); programs and web pages are refused.</source>
        <translation>%1 n’est pas d’un type que l’établissement accepte (documents, images, son, vidéo, archives ZIP, texte brut)&#xa0;; les programmes et les pages web sont refusés.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::CahierView</name>
    <message>
        <source>Cahier de textes</source>
        <translation>Cahier de textes</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <source>&amp;Teaching:</source>
        <translation>&amp;Enseignement&#xa0;:</translation>
    </message>
    <message>
        <source>Entries of the cahier de textes</source>
        <translation>Entrées du cahier de textes</translation>
    </message>
    <message>
        <source>&amp;Open lesson</source>
        <translation>&amp;Ouvrir la séance</translation>
    </message>
    <message>
        <source>Open the lesson of the selected entry</source>
        <translation>Ouvrir la séance de l’entrée sélectionnée</translation>
    </message>
    <message>
        <source>You teach no class or group in this establishment.</source>
        <translation>Vous n’enseignez à aucune classe ni à aucun groupe dans cet établissement.</translation>
    </message>
    <message>
        <source>Nothing is written in this cahier de textes yet.</source>
        <translation>Rien n’est encore saisi dans ce cahier de textes.</translation>
    </message>
    <message>
        <source>This entry belongs to no lesson of the timetable: it cannot be opened.</source>
        <translation>Cette entrée ne correspond à aucun cours de l’emploi du temps&#xa0;: elle ne peut pas être ouverte.</translation>
    </message>
</context>
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
    <name>Cartable::Gui::CompetencyView</name>
    <message>
        <source>&lt;span style=&quot;background-color:%1; color:%2&quot;&gt;&amp;nbsp;%3&amp;nbsp;&lt;/span&gt; %4 (key %5)</source>
        <translation>&lt;span style=&quot;background-color:%1; color:%2&quot;&gt;&amp;nbsp;%3&amp;nbsp;&lt;/span&gt; %4 (touche %5)</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>&amp;Evaluation:</source>
        <translation>&amp;Évaluation&#xa0;:</translation>
    </message>
    <message>
        <source>None of your evaluations assesses competencies yet.</source>
        <translation>Aucune de vos évaluations ne porte encore sur des compétences.</translation>
    </message>
    <message>
        <source>Competency levels</source>
        <translation>Niveaux de maîtrise</translation>
    </message>
    <message>
        <source>Keys 1 to 4 set the level, Delete clears it.</source>
        <translation>Les touches 1 à 4 fixent le niveau, Suppr l’efface.</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveaux</translation>
    </message>
    <message>
        <source>This evaluation’s period is closed: its levels can no longer change.</source>
        <translation>La période de cette évaluation est clôturée&#xa0;: ses niveaux ne peuvent plus être modifiés.</translation>
    </message>
    <message>
        <source>Competency error</source>
        <translation>Erreur de saisie des compétences</translation>
    </message>
    <message>
        <source>This period is closed: its levels can no longer change.</source>
        <translation>Cette période est clôturée&#xa0;: ses niveaux ne peuvent plus être modifiés.</translation>
    </message>
    <message>
        <source>%1 is closed: its levels can no longer change.</source>
        <translation>%1&#xa0;: période clôturée, ses niveaux ne peuvent plus être modifiés.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::ConflictCentre</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>When you and someone else changed the same thing, one value was kept and the other is listed here. Nothing is lost: put your value back, or keep the one that won.</source>
        <translation>Quand vous et une autre personne avez modifié la même chose, une valeur a été conservée et l’autre est listée ici. Rien n’est perdu&#xa0;: rétablissez votre valeur, ou gardez celle qui l’a emporté.</translation>
    </message>
    <message>
        <source>S&amp;how resolved conflicts</source>
        <translation>&amp;Afficher les conflits résolus</translation>
    </message>
    <message>
        <source>&amp;Restore the value that lost</source>
        <translation>Rétablir la valeur &amp;écartée</translation>
    </message>
    <message>
        <source>&amp;Keep the current value</source>
        <translation>&amp;Garder la valeur actuelle</translation>
    </message>
    <message>
        <source>Conflict details</source>
        <translation>Détails du conflit</translation>
    </message>
    <message>
        <source>No conflict to review.</source>
        <translation>Aucun conflit à examiner.</translation>
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
    <name>Cartable::Gui::DocumentsView</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>&amp;New folder…</source>
        <translation>&amp;Nouveau dossier…</translation>
    </message>
    <message>
        <source>Create a folder</source>
        <translation>Créer un dossier</translation>
    </message>
    <message>
        <source>Create a folder (%1)</source>
        <translation>Créer un dossier (%1)</translation>
    </message>
    <message>
        <source>Rena&amp;me folder…</source>
        <translation>Reno&amp;mmer le dossier…</translation>
    </message>
    <message>
        <source>Rename the selected folder</source>
        <translation>Renommer le dossier choisi</translation>
    </message>
    <message>
        <source>De&amp;lete folder</source>
        <translation>Supprimer &amp;le dossier</translation>
    </message>
    <message>
        <source>Delete the selected folder</source>
        <translation>Supprimer le dossier choisi</translation>
    </message>
    <message>
        <source>Available o&amp;ffline</source>
        <translation>Disponible &amp;hors connexion</translation>
    </message>
    <message>
        <source>Keep the documents of this folder available offline</source>
        <translation>Garder les documents de ce dossier disponibles hors connexion</translation>
    </message>
    <message>
        <source>The documents of this folder and its subfolders are downloaded at each synchronisation, so that they open without a connection.</source>
        <translation>Les documents de ce dossier et de ses sous-dossiers sont téléchargés à chaque synchronisation, pour s’ouvrir sans connexion.</translation>
    </message>
    <message>
        <source>Documents of the folder</source>
        <translation>Documents du dossier</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Add files to the folder</source>
        <translation>Ajouter des fichiers au dossier</translation>
    </message>
    <message>
        <source>Add files (%1)</source>
        <translation>Ajouter des fichiers (%1)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected document</source>
        <translation>Ouvrir le document choisi</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <source>Save a copy of the selected document</source>
        <translation>Enregistrer une copie du document choisi</translation>
    </message>
    <message>
        <source>Do&amp;wnload</source>
        <translation>&amp;Télécharger</translation>
    </message>
    <message>
        <source>Download the selected document</source>
        <translation>Télécharger le document choisi</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>Renvo&amp;yer</translation>
    </message>
    <message>
        <source>Try sending the selected document again</source>
        <translation>Essayer à nouveau d’envoyer le document choisi</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Rename the selected document</source>
        <translation>Renommer le document choisi</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected document</source>
        <translation>Supprimer le document choisi</translation>
    </message>
    <message>
        <source>&amp;Share…</source>
        <translation>&amp;Partager…</translation>
    </message>
    <message>
        <source>Share the selected document</source>
        <translation>Partager le document choisi</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Doc&amp;uments:</source>
        <translation>Doc&amp;uments&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Garder</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Name of the &amp;folder:</source>
        <translation>Nom du &amp;dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Rename folder</source>
        <translation>Renommer le dossier</translation>
    </message>
    <message>
        <source>New name of the &amp;folder:</source>
        <translation>Nouveau nom du &amp;dossier&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Delete the folder “%1” and the %n document(s) and subfolder(s) it holds?</source>
        <translation>
            <numerusform>Supprimer le dossier «&#xa0;%1&#xa0;» et le document ou sous-dossier qu’il contient&#xa0;?</numerusform>
            <numerusform>Supprimer le dossier «&#xa0;%1&#xa0;» et les %n documents et sous-dossiers qu’il contient&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the folder “%1”?</source>
        <translation>Supprimer le dossier «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Delete folder</source>
        <translation>Supprimer le dossier</translation>
    </message>
    <message>
        <source>Rename document</source>
        <translation>Renommer le document</translation>
    </message>
    <message>
        <source>New &amp;name of the document:</source>
        <translation>Nouveau &amp;nom du document&#xa0;:</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Supprimer le document</translation>
    </message>
    <message>
        <source>Delete “%1”? The people it is shared with will no longer see it.</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#xa0;? Les personnes avec qui il est partagé ne le verront plus.</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <source>The documents of this folder will stay on this computer.</source>
        <translation>Les documents de ce dossier resteront sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The documents of this folder are no longer kept for offline use.</source>
        <translation>Les documents de ce dossier ne sont plus gardés pour un usage hors connexion.</translation>
    </message>
    <message>
        <source>Fold&amp;ers:</source>
        <translation>&amp;Dossiers&#xa0;:</translation>
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
        <source>This account has been disabled. Ask your school’s administration.</source>
        <translation>Ce compte a été désactivé. Adressez-vous à l’administration de votre établissement.</translation>
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
    <message>
        <source>A mark has at most two decimals, such as 12,25.</source>
        <translation>Une note a au plus deux décimales, par exemple 12,25.</translation>
    </message>
    <message>
        <source>Type a mark such as 15,5, or abs, disp, nn or nr.</source>
        <translation>Saisissez une note comme 15,5, ou Abs, Disp, NN ou NR.</translation>
    </message>
    <message>
        <source>The mark must be between 0 and %1.</source>
        <translation>La note doit être comprise entre 0 et %1.</translation>
    </message>
    <message>
        <source>This period is closed: its marks can no longer change.</source>
        <translation>Cette période est clôturée&#xa0;: ses notes ne peuvent plus être modifiées.</translation>
    </message>
    <message>
        <source>%1 is closed: its marks can no longer change.</source>
        <translation>%1&#xa0;: période clôturée, ses notes ne peuvent plus être modifiées.</translation>
    </message>
    <message>
        <source>A required field is empty.</source>
        <translation>Un champ obligatoire est vide.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Le texte est trop long.</translation>
    </message>
    <message>
        <source>A value is out of its allowed range.</source>
        <translation>Une valeur est en dehors des limites autorisées.</translation>
    </message>
    <message>
        <source>A value does not have the expected form.</source>
        <translation>Une valeur n’a pas la forme attendue.</translation>
    </message>
    <message>
        <source>The due date cannot be before the day the homework is given.</source>
        <translation>La date de remise ne peut pas être antérieure au jour où le travail est donné.</translation>
    </message>
    <message>
        <source>Some values contradict each other.</source>
        <translation>Certaines valeurs se contredisent.</translation>
    </message>
    <message>
        <source>This item no longer exists: another person may have deleted it.</source>
        <translation>Cet élément n’existe plus&#xa0;: une autre personne l’a peut-être supprimé.</translation>
    </message>
    <message>
        <source>The change could not be written on this computer. Check the free disk space, then try again.</source>
        <translation>La modification n’a pas pu être enregistrée sur cet ordinateur. Vérifiez l’espace disque disponible, puis réessayez.</translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation>La modification n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your changes are kept and will be sent later.</source>
        <translation>Le serveur est injoignable. Vos modifications sont conservées et seront envoyées plus tard.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again to send your changes.</source>
        <translation>Votre session a expiré. Reconnectez-vous pour envoyer vos modifications.</translation>
    </message>
    <message>
        <source>Synchronisation cancelled. It will resume where it stopped.</source>
        <translation>Synchronisation annulée. Elle reprendra là où elle s’est arrêtée.</translation>
    </message>
    <message>
        <source>The data on this computer could not be updated. Check the free disk space.</source>
        <translation>Les données de cet ordinateur n’ont pas pu être mises à jour. Vérifiez l’espace disque disponible.</translation>
    </message>
    <message>
        <source>Synchronisation failed. It will be tried again shortly.</source>
        <translation>La synchronisation a échoué. Une nouvelle tentative aura lieu sous peu.</translation>
    </message>
    <message>
        <source>This already exists: another person entered the same item first.</source>
        <translation>Cet élément existe déjà : une autre personne l’a saisi avant vous.</translation>
    </message>
    <message>
        <source>Only the author of a conversation may add recipients to it.</source>
        <translation>Seul l’auteur d’une conversation peut y ajouter des destinataires.</translation>
    </message>
    <message>
        <source>Only the person who started a conversation can be its author.</source>
        <translation>Seule la personne qui a commencé une conversation peut en être l’auteur.</translation>
    </message>
    <message>
        <source>This person is not part of this school.</source>
        <translation>Cette personne ne fait pas partie de cet établissement.</translation>
    </message>
    <message>
        <source>As a student, you may write only to your teachers, to the vie scolaire and to the delegates of your class.</source>
        <translation>En tant qu’élève, vous ne pouvez écrire qu’à vos professeurs, à la vie scolaire et aux délégués de votre classe.</translation>
    </message>
    <message>
        <source>As a parent, you may write only to the school’s staff.</source>
        <translation>En tant que parent, vous ne pouvez écrire qu’au personnel de l’établissement.</translation>
    </message>
    <message>
        <source>Only a parent with legal responsibility for a student of this school may write to its staff.</source>
        <translation>Seul le responsable légal d’un élève de l’établissement peut écrire à son personnel.</translation>
    </message>
    <message>
        <source>You may write only to the school’s staff, to your students and to their parents.</source>
        <translation>Vous ne pouvez écrire qu’au personnel de l’établissement, à vos élèves et à leurs parents.</translation>
    </message>
    <message>
        <source>Writing to a whole class, or to this many students and parents at once, is reserved to the roles that the head of this school has chosen.</source>
        <translation>Écrire à toute une classe, ou à autant d’élèves et de parents à la fois, est réservé aux fonctions choisies par le chef d’établissement.</translation>
    </message>
    <message>
        <source>Of the school’s settings, only who may write to whole classes can be changed here.</source>
        <translation>Parmi les paramètres de l’établissement, seul le choix de qui peut écrire à des classes entières se modifie ici.</translation>
    </message>
    <message>
        <source>The vie scolaire may only name or remove the delegates of a class.</source>
        <translation>La vie scolaire peut seulement désigner ou retirer les délégués d’une classe.</translation>
    </message>
    <message>
        <source>You are not allowed to make this change.</source>
        <translation>Vous n’êtes pas autorisé à effectuer cette modification.</translation>
    </message>
    <message>
        <source>The school’s storage space is full. Ask its administration to free some space.</source>
        <translation>L’espace de stockage de l’établissement est plein. Demandez à son administration de libérer de la place.</translation>
    </message>
    <message>
        <source>Your storage space is full. Remove files you no longer need, then try again.</source>
        <translation>Votre espace de stockage est plein. Supprimez les fichiers dont vous n’avez plus besoin, puis réessayez.</translation>
    </message>
    <message>
        <source>This type of file is not accepted. Send documents (PDF, office files), pictures, sound, video, ZIP archives or plain text.</source>
        <translation>Ce type de fichier n’est pas accepté. Envoyez des documents (PDF, bureautique), des images, du son, de la vidéo, des archives ZIP ou du texte brut.</translation>
    </message>
    <message>
        <source>The file was damaged on its way. It will be sent again.</source>
        <translation>Le fichier a été abîmé en route. Il sera envoyé à nouveau.</translation>
    </message>
    <message>
        <source>The server and this computer disagreed on how much was sent. Sending resumes where the server stands.</source>
        <translation>Le serveur et cet ordinateur n’étaient pas d’accord sur la quantité envoyée. L’envoi reprend là où en est le serveur.</translation>
    </message>
    <message>
        <source>The server no longer has this part of the file. Download it again.</source>
        <translation>Le serveur n’a plus cette partie du fichier. Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>The person who added this file has not finished sending it. Try again later.</source>
        <translation>La personne qui a ajouté ce fichier n’a pas fini de l’envoyer. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The file is larger than the school accepts.</source>
        <translation>Le fichier est plus volumineux que ce que l’établissement accepte.</translation>
    </message>
    <message>
        <source>The file is not available on the server, or you may no longer read it.</source>
        <translation>Le fichier n’est pas disponible sur le serveur, ou vous ne pouvez plus le lire.</translation>
    </message>
    <message>
        <source>The server cannot be reached. The file will be sent or fetched when the connection is back.</source>
        <translation>Le serveur est injoignable. Le fichier sera envoyé ou récupéré au retour de la connexion.</translation>
    </message>
    <message>
        <source>You are not allowed to send or read this file.</source>
        <translation>Vous n’avez pas le droit d’envoyer ou de lire ce fichier.</translation>
    </message>
    <message>
        <source>The file could not be written on this computer. Check the free disk space, then try again.</source>
        <translation>Le fichier n’a pas pu être écrit sur cet ordinateur. Vérifiez l’espace disque libre, puis réessayez.</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Téléchargement annulé.</translation>
    </message>
    <message>
        <source>The file could not be transferred. It will be tried again later.</source>
        <translation>Le fichier n’a pas pu être transféré. Un nouvel essai aura lieu plus tard.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::EvaluationDialog</name>
    <message>
        <source>Evaluation</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Required, such as &quot;Contrôle n°3&quot;</source>
        <translation>Obligatoire, par exemple «&#xa0;Contrôle n°3&#xa0;»</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Coefficient</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Noté sur</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (clôturée)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>&amp;Visible to students and families</source>
        <translation>&amp;Visible par les élèves et les familles</translation>
    </message>
    <message>
        <source>Visible to students and families</source>
        <translation>Visible par les élèves et les familles</translation>
    </message>
    <message>
        <source>Competencies assessed</source>
        <translation>Compétences évaluées</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Coefficient:</source>
        <translation>&amp;Coefficient&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Out of:</source>
        <translation>Noté &amp;sur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription&#xa0;:</translation>
    </message>
    <message>
        <source>Co&amp;mpetencies:</source>
        <translation>Co&amp;mpétences&#xa0;:</translation>
    </message>
    <message>
        <source>Edit evaluation</source>
        <translation>Modifier l’évaluation</translation>
    </message>
    <message>
        <source>Give the evaluation a title.</source>
        <translation>Donnez un titre à l’évaluation.</translation>
    </message>
    <message>
        <source>Choose a period.</source>
        <translation>Choisissez une période.</translation>
    </message>
    <message>
        <source>%1 is closed: choose another period.</source>
        <translation>%1&#xa0;: période clôturée, choisissez-en une autre.</translation>
    </message>
    <message>
        <source>The date must be within %1, from %2 to %3.</source>
        <translation>La date doit être comprise dans %1, du %2 au %3.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::FileActions</name>
    <message>
        <source>%1 could run as a program: it is not opened from Cartable. Save it, then check it before opening it.</source>
        <translation>%1 pourrait s’exécuter comme un programme&#xa0;: Cartable ne l’ouvre pas. Enregistrez-le, puis vérifiez-le avant de l’ouvrir.</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>The file will be sent again at the next synchronisation.</source>
        <translation>Le fichier sera envoyé à nouveau à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>%1 could not be saved in %2. Check that the folder exists and that you may write there.</source>
        <translation>%1 n’a pas pu être enregistré dans %2. Vérifiez que le dossier existe et que vous pouvez y écrire.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
    <message>
        <source>%1 could not be prepared for opening. Check the free disk space.</source>
        <translation>%1 n’a pas pu être préparé pour l’ouverture. Vérifiez l’espace disque libre.</translation>
    </message>
    <message>
        <source>No program on this computer opens %1. Save it and open it yourself.</source>
        <translation>Aucun programme de cet ordinateur n’ouvre %1. Enregistrez-le et ouvrez-le vous-même.</translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <translation>%1 n’a pas pu être téléchargé&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::FileList</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected file</source>
        <translation>Ouvrir le fichier choisi</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <source>Save a copy of the selected file</source>
        <translation>Enregistrer une copie du fichier choisi</translation>
    </message>
    <message>
        <source>Download the selected file</source>
        <translation>Télécharger le fichier choisi</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>Renvo&amp;yer</translation>
    </message>
    <message>
        <source>Try sending the selected file again</source>
        <translation>Essayer à nouveau d’envoyer le fichier choisi</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1, %2, %3, %4</source>
        <translation>%1, %2, %3, %4</translation>
    </message>
    <message>
        <source>Dow&amp;nload</source>
        <translation>&amp;Télécharger</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::FileText</name>
    <message>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <source>Text document</source>
        <translation>Document texte</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>Tableur</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Présentation</translation>
    </message>
    <message>
        <source>E-book</source>
        <translation>Livre numérique</translation>
    </message>
    <message>
        <source>ZIP archive</source>
        <translation>Archive ZIP</translation>
    </message>
    <message>
        <source>Table (CSV)</source>
        <translation>Tableau (CSV)</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Non téléchargé</translation>
    </message>
    <message>
        <source>Downloading: %1 of %2</source>
        <translation>Téléchargement&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Sending: %1 of %2</source>
        <translation>Envoi&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Could not be sent: %1</source>
        <translation>Envoi impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not be sent</source>
        <translation>Envoi impossible</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::GradeBookView</name>
    <message>
        <source>grade change</source>
        <translation>modification de note</translation>
    </message>
    <message>
        <source>Grade book</source>
        <translation>Carnet de notes</translation>
    </message>
    <message>
        <source>Class and subject</source>
        <translation>Classe et matière</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Classe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New evaluation…</source>
        <translation>&amp;Nouvelle évaluation…</translation>
    </message>
    <message>
        <source>New evaluation</source>
        <translation>Nouvelle évaluation</translation>
    </message>
    <message>
        <source>New evaluation (%1)</source>
        <translation>Nouvelle évaluation (%1)</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Entry error</source>
        <translation>Erreur de saisie</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Edit evaluation…</source>
        <translation>&amp;Modifier l’évaluation…</translation>
    </message>
    <message>
        <source>&amp;Delete evaluation…</source>
        <translation>&amp;Supprimer l’évaluation…</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (clôturée)</translation>
    </message>
    <message>
        <source>Delete evaluation</source>
        <translation>Supprimer l’évaluation</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? It has no grade yet.</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#xa0;? Elle n’a encore aucune note.</translation>
    </message>
    <message numerus="yes">
        <source>Delete &quot;%1&quot; and its %n grade(s)?</source>
        <translation>
            <numerusform>Supprimer «&#xa0;%1&#xa0;»&#xa0;? %n note saisie sera supprimée.</numerusform>
            <numerusform>Supprimer «&#xa0;%1&#xa0;»&#xa0;? %n notes saisies seront supprimées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::HomeworkDialog</name>
    <message>
        <source>New homework</source>
        <translation>Nouveau travail à faire</translation>
    </message>
    <message>
        <source>Change homework</source>
        <translation>Modifier le travail à faire</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Date de remise</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Travail à faire</translation>
    </message>
    <message>
        <source>Estimated time in minutes</source>
        <translation>Durée estimée en minutes</translation>
    </message>
    <message>
        <source>Not estimated</source>
        <translation>Non estimée</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Students &amp;hand in their work</source>
        <translation>Les élèves &amp;rendent leur travail</translation>
    </message>
    <message>
        <source>Students hand in their work</source>
        <translation>Les élèves rendent leur travail</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <source>A&amp;ttach file…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>Re&amp;move file</source>
        <translation>Retirer &amp;le fichier</translation>
    </message>
    <message>
        <source>Remove the selected file</source>
        <translation>Retirer le fichier sélectionné</translation>
    </message>
    <message>
        <source>&amp;Due on:</source>
        <translation>À rendre &amp;pour le&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;What to do:</source>
        <translation>&amp;Travail à faire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Estimated time:</source>
        <translation>Durée &amp;estimée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Files:</source>
        <translation>&amp;Fichiers&#xa0;:</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Say what the students have to do.</source>
        <translation>Indiquez ce que les élèves doivent faire.</translation>
    </message>
    <message>
        <source>Keep the files of this homework available offline</source>
        <translation>Garder les fichiers de ce travail disponibles hors connexion</translation>
    </message>
    <message>
        <source>The files are downloaded at each synchronisation, so that they open without a connection.</source>
        <translation>Les fichiers sont téléchargés à chaque synchronisation, pour s’ouvrir sans connexion.</translation>
    </message>
    <message>
        <source>Attached on OK</source>
        <translation>Joint à la validation</translation>
    </message>
    <message>
        <source>&amp;Keep the files available offline</source>
        <translation>&amp;Garder les fichiers disponibles hors connexion</translation>
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
    <name>Cartable::Gui::LessonEditor</name>
    <message>
        <source>Lesson</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Lesson title</source>
        <translation>Titre de la séance</translation>
    </message>
    <message>
        <source>Fractions: definition and first examples</source>
        <translation>Fractions&#xa0;: définition et premiers exemples</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Contenu de la séance</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>État de l’enregistrement</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>What was &amp;done:</source>
        <translation>&amp;Contenu de la séance&#xa0;:</translation>
    </message>
    <message>
        <source>Files of the lesson</source>
        <translation>Fichiers de la séance</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <source>Attach a file to the lesson</source>
        <translation>Joindre un fichier à la séance</translation>
    </message>
    <message>
        <source>Remove fi&amp;le</source>
        <translation>Retirer &amp;le fichier</translation>
    </message>
    <message>
        <source>Remove the selected file of the lesson</source>
        <translation>Retirer le fichier sélectionné de la séance</translation>
    </message>
    <message>
        <source>F&amp;iles:</source>
        <translation>F&amp;ichiers&#xa0;:</translation>
    </message>
    <message>
        <source>Homework given</source>
        <translation>Travail donné</translation>
    </message>
    <message>
        <source>&amp;Add homework…</source>
        <translation>&amp;Ajouter un travail…</translation>
    </message>
    <message>
        <source>Add homework</source>
        <translation>Ajouter un travail à faire</translation>
    </message>
    <message>
        <source>Add homework (%1)</source>
        <translation>Ajouter un travail à faire (%1)</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Change the selected homework</source>
        <translation>Modifier le travail à faire sélectionné</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>Remove the selected homework</source>
        <translation>Supprimer le travail à faire sélectionné</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Travail à faire</translation>
    </message>
    <message>
        <source>%1 · %2 — %3, %4–%5</source>
        <translation>%1 · %2 — %3, %4–%5</translation>
    </message>
    <message>
        <source>No lesson chosen</source>
        <translation>Aucune séance choisie</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Modification en cours…</translation>
    </message>
    <message>
        <source>Lesson of %1</source>
        <translation>Séance du %1</translation>
    </message>
    <message>
        <source>Not saved: give the lesson a title.</source>
        <translation>Non enregistré&#xa0;: donnez un titre à la séance.</translation>
    </message>
    <message>
        <source>Not saved: write what was done.</source>
        <translation>Non enregistré&#xa0;: saisissez le contenu de la séance.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Remove homework</source>
        <translation>Supprimer le travail à faire</translation>
    </message>
    <message>
        <source>Remove this homework and its files?

%1</source>
        <translation>Supprimer ce travail à faire et ses fichiers&#xa0;?

%1</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Write the lesson&apos;s title and what was done before attaching files.</source>
        <translation>Saisissez le titre de la séance et son contenu avant de joindre des fichiers.</translation>
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
    <message>
        <source>&amp;Synchronisation</source>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>&amp;Cancel the synchronisation</source>
        <translation>&amp;Annuler la synchronisation</translation>
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
    <name>Cartable::Gui::RollCallView</name>
    <message>
        <source>Lesson</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>P or Space: present · A: absent · R, the minutes, Enter: late · Delete: not taken</source>
        <translation>P ou Espace&#xa0;: présent · A&#xa0;: absent · R, les minutes, Entrée&#xa0;: retard · Suppr&#xa0;: non pointé</translation>
    </message>
    <message>
        <source>Class list</source>
        <translation>Liste de la classe</translation>
    </message>
    <message>
        <source>Minutes late being typed</source>
        <translation>Minutes de retard en cours de saisie</translation>
    </message>
    <message>
        <source>Roll call counts</source>
        <translation>Décompte de l’appel</translation>
    </message>
    <message>
        <source>Everyone &amp;else present</source>
        <translation>Tous les autres &amp;présents</translation>
    </message>
    <message>
        <source>Everyone else present</source>
        <translation>Tous les autres présents</translation>
    </message>
    <message>
        <source>Roll call &amp;done</source>
        <translation>Appel &amp;terminé</translation>
    </message>
    <message>
        <source>Roll call done</source>
        <translation>Appel terminé</translation>
    </message>
    <message>
        <source>Roll call error</source>
        <translation>Erreur d’appel</translation>
    </message>
    <message>
        <source>No lesson chosen</source>
        <translation>Aucun cours choisi</translation>
    </message>
    <message>
        <source>%1 · %2 · %3, %4–%5</source>
        <translation>%1 · %2 · %3, %4–%5</translation>
    </message>
    <message>
        <source>Present: %1 · Absent: %2 · Late: %3 · Not taken: %4</source>
        <translation>Présents&#xa0;: %1 · Absents&#xa0;: %2 · Retards&#xa0;: %3 · Non pointés&#xa0;: %4</translation>
    </message>
    <message>
        <source>%1 · Roll call done</source>
        <translation>%1 · Appel effectué</translation>
    </message>
    <message>
        <source>The minutes late must be between %1 and %2.</source>
        <translation>Le retard doit être compris entre %1 et %2 minutes.</translation>
    </message>
    <message>
        <source>Some students are not taken yet: mark them, or choose “Everyone else present”.</source>
        <translation>Certains élèves ne sont pas encore saisis&#xa0;: indiquez leur présence ou choisissez «&#xa0;Tous les autres présents&#xa0;».</translation>
    </message>
    <message>
        <source>Late: %1 min — Enter to save, Escape to cancel</source>
        <translation>Retard&#xa0;: %1 min — Entrée pour enregistrer, Échap pour annuler</translation>
    </message>
    <message>
        <source>Late: type the minutes, then Enter (Escape to cancel)</source>
        <translation>Retard&#xa0;: saisissez les minutes, puis Entrée (Échap pour annuler)</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::ShareDialog</name>
    <message>
        <source>Share the document</source>
        <translation>Partager le document</translation>
    </message>
    <message>
        <source>People the document is shared with</source>
        <translation>Personnes avec qui le document est partagé</translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation>&amp;Ne plus partager</translation>
    </message>
    <message>
        <source>Stop sharing with the selected person</source>
        <translation>Ne plus partager avec la personne choisie</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Chercher une personne</translation>
    </message>
    <message>
        <source>Name or role</source>
        <translation>Nom ou fonction</translation>
    </message>
    <message>
        <source>People of the school</source>
        <translation>Personnes de l’établissement</translation>
    </message>
    <message>
        <source>May &amp;change the document</source>
        <translation>Peut &amp;modifier le document</translation>
    </message>
    <message>
        <source>The person may change the document</source>
        <translation>La personne peut modifier le document</translation>
    </message>
    <message>
        <source>S&amp;hare</source>
        <translation>P&amp;artager</translation>
    </message>
    <message>
        <source>Share with the selected person</source>
        <translation>Partager avec la personne choisie</translation>
    </message>
    <message>
        <source>Shared &amp;with:</source>
        <translation>Partagé &amp;avec&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Chercher&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>&amp;Personnes&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (may change it)</source>
        <translation>%1 (peut le modifier)</translation>
    </message>
    <message>
        <source>%1 (may read it)</source>
        <translation>%1 (peut le lire)</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Personne pour l’instant</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::SignOutDialog</name>
    <message>
        <source>Sign out – Cartable</source>
        <translation>Déconnexion – Cartable</translation>
    </message>
    <message>
        <source>Sign out of Cartable</source>
        <translation>Se déconnecter de Cartable</translation>
    </message>
    <message>
        <source>Cartable keeps a copy of your school data on this computer, so that it opens faster and works without a network. What should become of it?</source>
        <translation>Cartable garde une copie de vos données scolaires sur cet ordinateur, pour s’ouvrir plus vite et fonctionner sans réseau. Que faut-il en faire ?</translation>
    </message>
    <message>
        <source>&amp;Keep the offline copy on this computer</source>
        <translation>&amp;Garder la copie hors ligne sur cet ordinateur</translation>
    </message>
    <message>
        <source>Keep the offline copy</source>
        <translation>Garder la copie hors ligne</translation>
    </message>
    <message>
        <source>The next sign-in is faster and works offline. Choose this only on a computer that nobody else uses.</source>
        <translation>La prochaine connexion est plus rapide et fonctionne hors ligne. À choisir seulement sur un ordinateur que personne d’autre n’utilise.</translation>
    </message>
    <message>
        <source>&amp;Remove the offline copy from this computer</source>
        <translation>&amp;Supprimer la copie hors ligne de cet ordinateur</translation>
    </message>
    <message>
        <source>Remove the offline copy</source>
        <translation>Supprimer la copie hors ligne</translation>
    </message>
    <message>
        <source>Recommended on a shared computer. Your data stays on the school’s server; the next sign-in downloads it again.</source>
        <translation>Recommandé sur un ordinateur partagé. Vos données restent sur le serveur de l’établissement ; la prochaine connexion les télécharge à nouveau.</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>Modifications pas encore envoyées</translation>
    </message>
    <message>
        <source>Synchronisation problem</source>
        <translation>Problème de synchronisation</translation>
    </message>
    <message>
        <source>I &amp;accept that these changes will be lost</source>
        <translation>J’&amp;accepte que ces modifications soient perdues</translation>
    </message>
    <message>
        <source>Accept losing the changes not yet sent</source>
        <translation>Accepter de perdre les modifications pas encore envoyées</translation>
    </message>
    <message>
        <source>The server answers: synchronise first to send them, then sign out.</source>
        <translation>Le serveur répond : synchronisez d’abord pour les envoyer, puis déconnectez-vous.</translation>
    </message>
    <message>
        <source>S&amp;ynchronise first</source>
        <translation>S&amp;ynchroniser d’abord</translation>
    </message>
    <message>
        <source>Synchronise first</source>
        <translation>Synchroniser d’abord</translation>
    </message>
    <message>
        <source>Sending your changes</source>
        <translation>Envoi de vos modifications</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the sign-out</source>
        <translation>Annuler la déconnexion</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made on this computer have not reached the server yet. Removing the copy loses them.</source>
        <translation>
            <numerusform>%n modification faite sur cet ordinateur n’a pas encore été envoyée au serveur. Supprimer la copie la ferait perdre.</numerusform>
            <numerusform>%n modifications faites sur cet ordinateur n’ont pas encore été envoyées au serveur. Supprimer la copie les ferait perdre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cartable cannot read this copy to tell whether it holds changes not yet sent to the server. Removing it may lose them.</source>
        <translation>Cartable ne peut pas lire cette copie pour savoir si elle contient des modifications pas encore envoyées au serveur. La supprimer peut les faire perdre.</translation>
    </message>
    <message>
        <source>Sending your changes…</source>
        <translation>Envoi de vos modifications…</translation>
    </message>
    <message>
        <source>Every change has reached the server.</source>
        <translation>Toutes les modifications sont arrivées sur le serveur.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::SyncStatusWidget</name>
    <message>
        <source>Preparing your data for offline use: %1 item(s) received…</source>
        <translation>Préparation de vos données pour le mode hors ligne&#xa0;: %1 élément(s) reçu(s)…</translation>
    </message>
    <message>
        <source>Synchronising: %1 sent, %2 received…</source>
        <translation>Synchronisation&#xa0;: %1 envoyé(s), %2 reçu(s)…</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Synchronised at %1</source>
        <translation>Synchronisé à %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop synchronising; it resumes later where it stopped</source>
        <translation>Arrêter la synchronisation&#xa0;; elle reprendra plus tard là où elle s’est arrêtée</translation>
    </message>
    <message>
        <source>Cancel synchronisation</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>Toutes les modifications sont envoyées</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) waiting to be sent</source>
        <translation>
            <numerusform>%n fichier en attente d’envoi</numerusform>
            <numerusform>%n fichiers en attente d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be sent</source>
        <translation>
            <numerusform>%n fichier n’a pas pu être envoyé</numerusform>
            <numerusform>%n fichiers n’ont pas pu être envoyés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::TimetableView</name>
    <message>
        <source>&amp;Previous week</source>
        <translation>Semaine &amp;précédente</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation>Semaine précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <source>&amp;This week</source>
        <translation>&amp;Cette semaine</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>This week (Alt+Home)</source>
        <translation>Cette semaine (Alt+Début)</translation>
    </message>
    <message>
        <source>&amp;Next week</source>
        <translation>Semaine &amp;suivante</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation>Semaine suivante (Alt+Droite)</translation>
    </message>
    <message>
        <source>Week shown</source>
        <translation>Semaine affichée</translation>
    </message>
    <message>
        <source>Lessons of the week</source>
        <translation>Cours de la semaine</translation>
    </message>
    <message>
        <source>Timetable error</source>
        <translation>Erreur d’emploi du temps</translation>
    </message>
    <message>
        <source>Week of %1 · week A</source>
        <translation>Semaine du %1 · semaine A</translation>
    </message>
    <message>
        <source>Week of %1 · week B</source>
        <translation>Semaine du %1 · semaine B</translation>
    </message>
    <message>
        <source>No lesson this week.</source>
        <translation>Aucun cours cette semaine.</translation>
    </message>
    <message>
        <source>This lesson is cancelled: there is no roll call to take.</source>
        <translation>Ce cours est annulé&#xa0;: il n’y a pas d’appel à faire.</translation>
    </message>
    <message>
        <source>This lesson was moved: open it on its new day.</source>
        <translation>Ce cours a été déplacé&#xa0;: ouvrez-le à sa nouvelle date.</translation>
    </message>
    <message>
        <source>A colleague gives this lesson in your place.</source>
        <translation>Un collègue assure ce cours à votre place.</translation>
    </message>
    <message>
        <source>You give this lesson in a colleague’s place: only the class’s own teacher can open it.</source>
        <translation>Vous assurez ce cours à la place d’un collègue&#xa0;: seul le professeur de la classe peut l’ouvrir.</translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::WorkspaceShell</name>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Timetable</source>
        <translation>Emploi du temps</translation>
    </message>
    <message>
        <source>Lesson and roll call</source>
        <translation>Cours et appel</translation>
    </message>
    <message>
        <source>Grade book</source>
        <translation>Carnet de notes</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <source>Cahier de textes</source>
        <translation>Cahier de textes</translation>
    </message>
    <message>
        <source>Appreciations</source>
        <translation>Appréciations</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n to review)</source>
        <translation>
            <numerusform>Conflits (%n à examiner)</numerusform>
            <numerusform>Conflits (%n à examiner)</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>Mon compte</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;Roll call</source>
        <translation>&amp;Appel</translation>
    </message>
    <message>
        <source>Cahier de &amp;textes and homework</source>
        <translation>Cahier de &amp;textes et travail à faire</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::AppreciationModel</name>
    <message>
        <source>No period is chosen: appreciations are written for a period.</source>
        <translation>Aucune période n’est choisie&#xa0;: les appréciations se rédigent pour une période.</translation>
    </message>
    <message>
        <source>%1 is closed: its appreciations can no longer change.</source>
        <translation>La période «&#xa0;%1&#xa0;» est close&#xa0;: ses appréciations ne peuvent plus être modifiées.</translation>
    </message>
    <message>
        <source>This student is in no class: his appreciation has no report card to go on.</source>
        <translation>Cet élève n’est dans aucune classe&#xa0;: son appréciation ne peut figurer sur aucun bulletin.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 caractères sur %2</translation>
    </message>
    <message>
        <source>No grade counts in an average in this period.</source>
        <translation>Aucune note ne compte dans une moyenne sur cette période.</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Appreciation (at most %1 characters)</source>
        <translation>Appréciation (%1 caractères au plus)</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::CahierModel</name>
    <message>
        <source>For %1: %2</source>
        <translation>Pour le %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>(no entry)</source>
        <translation>(aucun contenu)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Contenu de la séance</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Travail à faire</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::CompetencyModel</name>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Insufficient mastery</source>
        <translation>Maîtrise insuffisante</translation>
    </message>
    <message>
        <source>Fragile mastery</source>
        <translation>Maîtrise fragile</translation>
    </message>
    <message>
        <source>Satisfactory mastery</source>
        <translation>Maîtrise satisfaisante</translation>
    </message>
    <message>
        <source>Very good mastery</source>
        <translation>Très bonne maîtrise</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <source>MI</source>
        <extracomment>Short form of &quot;Insufficient mastery&quot; (French: MI)</extracomment>
        <translation>MI</translation>
    </message>
    <message>
        <source>MF</source>
        <extracomment>Short form of &quot;Fragile mastery&quot; (French: MF)</extracomment>
        <translation>MF</translation>
    </message>
    <message>
        <source>MS</source>
        <extracomment>Short form of &quot;Satisfactory mastery&quot; (French: MS)</extracomment>
        <translation>MS</translation>
    </message>
    <message>
        <source>TBM</source>
        <extracomment>Short form of &quot;Very good mastery&quot; (French: TBM)</extracomment>
        <translation>TBM</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::ConflictModel</name>
    <message>
        <source>%1, against %2</source>
        <translation>%1, contre %2</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Value that lost</source>
        <translation>Valeur écartée</translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation>Valeur conservée</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Valeur rétablie</translation>
    </message>
    <message>
        <source>Kept as it is</source>
        <translation>Laissé tel quel</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>The evaluation’s teacher has the last word on its grades.</source>
        <translation>Le professeur de l’évaluation a le dernier mot sur ses notes.</translation>
    </message>
    <message>
        <source>The room was already booked for that time.</source>
        <translation>La salle était déjà réservée sur ce créneau.</translation>
    </message>
    <message>
        <source>The item was deleted after your change was made.</source>
        <translation>L’élément a été supprimé après votre modification.</translation>
    </message>
    <message>
        <source>The item was changed after it was deleted, so the change was kept.</source>
        <translation>L’élément a été modifié après sa suppression&#xa0;: la modification a donc été conservée.</translation>
    </message>
    <message>
        <source>The most recent change was kept.</source>
        <translation>La modification la plus récente a été conservée.</translation>
    </message>
    <message>
        <source>%1. Value that lost: %2. Value kept: %3. %4 Who: %5. Status: %6.</source>
        <translation>%1. Valeur écartée&#xa0;: %2. Valeur conservée&#xa0;: %3. %4 Qui&#xa0;: %5. Statut&#xa0;: %6.</translation>
    </message>
    <message>
        <source>Grade of %1, %2</source>
        <translation>Note de %1, %2</translation>
    </message>
    <message>
        <source>an evaluation</source>
        <translation>une évaluation</translation>
    </message>
    <message>
        <source>Roll call of %1</source>
        <translation>Appel pour %1</translation>
    </message>
    <message>
        <source>Appreciation of %1</source>
        <translation>Appréciation de %1</translation>
    </message>
    <message>
        <source>Competency of %1</source>
        <translation>Compétence de %1</translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation>Absence de %1</translation>
    </message>
    <message>
        <source>Evaluation “%1”</source>
        <translation>Évaluation «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Homework due %1</source>
        <translation>Travail à faire pour le %1</translation>
    </message>
    <message>
        <source>Cahier de textes: %1</source>
        <translation>Cahier de textes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Room booking</source>
        <translation>Réservation de salle</translation>
    </message>
    <message>
        <source>A row of type %1</source>
        <translation>Un enregistrement de type %1</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>dispensed</source>
        <translation>dispensé</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non noté</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>non rendu</translation>
    </message>
    <message>
        <source>no grade</source>
        <translation>pas de note</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::DocumentFolderModel</name>
    <message>
        <source>Shared with me</source>
        <translation>Partagés avec moi</translation>
    </message>
    <message>
        <source>Folder %1</source>
        <translation>Dossier %1</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::DocumentSpace</name>
    <message>
        <source>Teacher</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>Vie scolaire</source>
        <translation>Vie scolaire</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Secrétariat</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>My documents</source>
        <translation>Mes documents</translation>
    </message>
    <message>
        <source>Someone of the school</source>
        <translation>Une personne de l’établissement</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Student, %1</source>
        <translation>Élève, %1</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::DocumentsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ajouté par</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::GradeBookModel</name>
    <message>
        <source>No period is open today: choose a period.</source>
        <translation>Aucune période n’est en cours aujourd’hui&#xa0;: choisissez une période.</translation>
    </message>
    <message>
        <source>%1 is closed: its marks can no longer change.</source>
        <translation>La période «&#xa0;%1&#xa0;» est close&#xa0;: ses notes ne peuvent plus être modifiées.</translation>
    </message>
    <message>
        <source>%1 is closed since %2: its marks can no longer change.</source>
        <translation>La période «&#xa0;%1&#xa0;» est close depuis le %2&#xa0;: ses notes ne peuvent plus être modifiées.</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflit&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 out of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>no grade</source>
        <translation>pas de note</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>(conflict: %1)</source>
        <translation>(conflit&#xa0;: %1)</translation>
    </message>
    <message>
        <source>%1, average: %2</source>
        <translation>%1, moyenne&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 out of 20</source>
        <translation>%1 sur 20</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Class average</source>
        <translation>Moyenne de la classe</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Average
/20</source>
        <translation>Moyenne
/20</translation>
    </message>
    <message>
        <source>Subject average over the period, on 20</source>
        <translation>Moyenne de la matière sur la période, sur 20</translation>
    </message>
    <message>
        <source>/%1 · coef. %2</source>
        <translation>/%1 · coef. %2</translation>
    </message>
    <message>
        <source>%1, %2, out of %3, coefficient %4</source>
        <translation>%1, %2, sur %3, coefficient %4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 (by %2) was kept; %3 (by %4) was set aside on %5.</source>
        <translation>%1 (par %2) a été conservé&#xa0;; %3 (par %4) a été écarté le %5.</translation>
    </message>
    <message>
        <source>abs</source>
        <comment>short label of an absent student&apos;s grade</comment>
        <translation>Abs</translation>
    </message>
    <message>
        <source>disp</source>
        <comment>short label of a dispensed student&apos;s grade</comment>
        <translation>Disp</translation>
    </message>
    <message>
        <source>nn</source>
        <comment>short label of a grade not given (non noté)</comment>
        <translation>NN</translation>
    </message>
    <message>
        <source>nr</source>
        <comment>short label of work not handed in (non rendu)</comment>
        <translation>NR</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>dispensed</source>
        <translation>dispensé</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non noté</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>non rendu</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::HomeworkModel</name>
    <message>
        <source>Due %1: %2</source>
        <translation>Pour le %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>(to hand in)</source>
        <translation>(à rendre)</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::RollCallModel</name>
    <message>
        <source>illness</source>
        <translation>maladie</translation>
    </message>
    <message>
        <source>medical appointment</source>
        <translation>rendez-vous médical</translation>
    </message>
    <message>
        <source>family reasons</source>
        <translation>raisons familiales</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>transport</translation>
    </message>
    <message>
        <source>exam</source>
        <translation>examen</translation>
    </message>
    <message>
        <source>school activity</source>
        <translation>activité scolaire</translation>
    </message>
    <message>
        <source>other reason</source>
        <translation>autre motif</translation>
    </message>
    <message numerus="yes">
        <source>Late by %n minute(s) already recorded</source>
        <translation>
            <numerusform>Retard de %n minute déjà enregistré</numerusform>
            <numerusform>Retard de %n minutes déjà enregistré</numerusform>
        </translation>
    </message>
    <message>
        <source>Absence justified</source>
        <translation>Absence justifiée</translation>
    </message>
    <message>
        <source>Absence justified: %1</source>
        <translation>Absence justifiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Absence not justified</source>
        <translation>Absence non justifiée</translation>
    </message>
    <message>
        <source>Absence, justification sent</source>
        <translation>Absence, justificatif envoyé</translation>
    </message>
    <message>
        <source>Absence, justification sent: %1</source>
        <translation>Absence, justificatif envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Absence reported, not justified yet</source>
        <translation>Absence signalée, pas encore justifiée</translation>
    </message>
    <message>
        <source>✓ Present</source>
        <translation>✓ Présent</translation>
    </message>
    <message>
        <source>✗ Absent</source>
        <translation>✗ Absent</translation>
    </message>
    <message>
        <source>◔ Late</source>
        <translation>◔ Retard</translation>
    </message>
    <message>
        <source>… Not taken</source>
        <translation>… Non saisi</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Minutes late</source>
        <translation>Minutes de retard</translation>
    </message>
    <message>
        <source>Known absence</source>
        <translation>Absence connue</translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::TimetableModel</name>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>As planned</source>
        <translation>Comme prévu</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Moved to %1 at %2</source>
        <translation>Déplacé au %1 à %2</translation>
    </message>
    <message>
        <source>Moved from %1 at %2</source>
        <translation>Déplacé du %1 à %2</translation>
    </message>
    <message>
        <source>Replaced by %1</source>
        <translation>Remplacé par %1</translation>
    </message>
    <message>
        <source>Replacing %1</source>
        <translation>Remplacement de %1</translation>
    </message>
    <message>
        <source>Room changed to %1</source>
        <translation>Changement de salle&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · roll call done</source>
        <translation>%1 · appel effectué</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Matière</translation>
    </message>
    <message>
        <source>Class or group</source>
        <translation>Classe ou groupe</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
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
    <message>
        <source>Show the school as on &lt;date&gt; (YYYY-MM-DD), for demonstrations and training.</source>
        <translation>Afficher l’établissement tel qu’au &lt;date&gt; (AAAA-MM-JJ), pour les démonstrations et les formations.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>--today takes a date such as 2025-04-04.</source>
        <translation>--today attend une date telle que 2025-04-04.</translation>
    </message>
</context>
</TS>
