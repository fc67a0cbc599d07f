<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cartable::Gui::AppController</name>
    <message>
        <source>Your session could not be removed from the system keychain. Remove the “Cartable” entry from it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline copy could not be removed from this computer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::AppreciationDelegate</name>
    <message>
        <source>Appreciation of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::AppreciationsView</name>
    <message>
        <source>Appreciations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Teaching:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appreciations of the students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or F2 writes the selected student&apos;s appreciation; Ctrl+Enter or Tab saves it and goes to the next student, Escape gives up the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::AttachmentMessages</name>
    <message>
        <source>%1 is too large: a file can have at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: check that it still exists and that you may open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to attach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be copied on this computer. Check the free disk space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::CahierView</name>
    <message>
        <source>Cahier de textes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Teaching:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries of the cahier de textes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the lesson of the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You teach no class or group in this establishment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is written in this cahier de textes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry belongs to no lesson of the timetable: it cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>Cartable::Gui::CompetencyView</name>
    <message>
        <source>&lt;span style=&quot;background-color:%1; color:%2&quot;&gt;&amp;nbsp;%3&amp;nbsp;&lt;/span&gt; %4 (key %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evaluation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of your evaluations assesses competencies yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys 1 to 4 set the level, Delete clears it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This evaluation’s period is closed: its levels can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This period is closed: its levels can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is closed: its levels can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::ConflictCentre</name>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you and someone else changed the same thing, one value was kept and the other is listed here. Nothing is lost: put your value back, or keep the one that won.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore the value that lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the current value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflict to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how resolved conflicts</source>
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
    <name>Cartable::Gui::DocumentsView</name>
    <message numerus="yes">
        <source>Delete the folder “%1” and the %n document(s) and subfolder(s) it holds?</source>
        <translation>
            <numerusform>Delete the folder “%1” and the document or subfolder it holds?</numerusform>
            <numerusform>Delete the folder “%1” and the %n documents and subfolders it holds?</numerusform>
        </translation>
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
    <message>
        <source>A mark has at most two decimals, such as 12,25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a mark such as 15,5, or abs, disp, nn or nr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mark must be between 0 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This period is closed: its marks can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is closed: its marks can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A required field is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value is out of its allowed range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value does not have the expected form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The due date cannot be before the day the homework is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some values contradict each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item no longer exists: another person may have deleted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be written on this computer. Check the free disk space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Your changes are kept and will be sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again to send your changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation cancelled. It will resume where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data on this computer could not be updated. Check the free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation failed. It will be tried again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This already exists: another person entered the same item first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::EvaluationDialog</name>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, such as &quot;Contrôle n°3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visible to students and families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible to students and families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Coefficient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Out of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpetencies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the evaluation a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is closed: choose another period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date must be within %1, from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::GradeBookView</name>
    <message>
        <source>grade change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class and subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New evaluation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New evaluation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit evaluation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete evaluation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? It has no grade yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete &quot;%1&quot; and its %n grade(s)?</source>
        <translation>
            <numerusform>Delete &quot;%1&quot; and its %n grade?</numerusform>
            <numerusform>Delete &quot;%1&quot; and its %n grades?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::HomeworkDialog</name>
    <message>
        <source>New homework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change homework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated time in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students &amp;hand in their work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students hand in their work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What to do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Estimated time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, attached on OK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what the students have to do.</source>
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
    <name>Cartable::Gui::LessonEditor</name>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractions: definition and first examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was &amp;done:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file to the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove fi&amp;le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected file of the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;iles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homework given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add homework…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add homework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add homework (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected homework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected homework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 — %3, %4–%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: give the lesson a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: write what was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove homework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this homework and its files?

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the lesson&apos;s title and what was done before attaching files.</source>
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
    <message>
        <source>&amp;Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel the synchronisation</source>
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
    <name>Cartable::Gui::RollCallView</name>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P or Space: present · A: absent · R, the minutes, Enter: late · Delete: not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes late being typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll call counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone &amp;else present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone else present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll call &amp;done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll call done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll call error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3, %4–%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present: %1 · Absent: %2 · Late: %3 · Not taken: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Roll call done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minutes late must be between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some students are not taken yet: mark them, or choose “Everyone else present”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late: %1 min — Enter to save, Escape to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late: type the minutes, then Enter (Escape to cancel)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::SignOutDialog</name>
    <message>
        <source>Sign out – Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of Cartable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cartable keeps a copy of your school data on this computer, so that it opens faster and works without a network. What should become of it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the offline copy on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next sign-in is faster and works offline. Choose this only on a computer that nobody else uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove the offline copy from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended on a shared computer. Your data stays on the school’s server; the next sign-in downloads it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;accept that these changes will be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept losing the changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers: synchronise first to send them, then sign out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ynchronise first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronise first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sign-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made on this computer have not reached the server yet. Removing the copy loses them.</source>
        <translation>
            <numerusform>%n change made on this computer has not reached the server yet. Removing the copy loses it.</numerusform>
            <numerusform>%n changes made on this computer have not reached the server yet. Removing the copy loses them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cartable cannot read this copy to tell whether it holds changes not yet sent to the server. Removing it may lose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change has reached the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::SyncStatusWidget</name>
    <message>
        <source>Preparing your data for offline use: %1 item(s) received…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronising: %1 sent, %2 received…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronised at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop synchronising; it resumes later where it stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) waiting to be sent</source>
        <translation>
            <numerusform>%n file waiting to be sent</numerusform>
            <numerusform>%n files waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be sent</source>
        <translation>
            <numerusform>%n file could not be sent</numerusform>
            <numerusform>%n files could not be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::TimetableView</name>
    <message>
        <source>&amp;Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week (Alt+Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons of the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timetable error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1 · week A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1 · week B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This lesson is cancelled: there is no roll call to take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This lesson was moved: open it on its new day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A colleague gives this lesson in your place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You give this lesson in a colleague’s place: only the class’s own teacher can open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Gui::WorkspaceShell</name>
    <message>
        <source>Modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timetable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson and roll call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cahier de textes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appreciations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n to review)</source>
        <translation>
            <numerusform>Conflicts (%n to review)</numerusform>
            <numerusform>Conflicts (%n to review)</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cahier de &amp;textes and homework</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::AppreciationModel</name>
    <message>
        <source>No period is chosen: appreciations are written for a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is closed: its appreciations can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This student is in no class: his appreciation has no report card to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grade counts in an average in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appreciation (at most %1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::CahierModel</name>
    <message>
        <source>For %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no entry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homework</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::CompetencyModel</name>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insufficient mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragile mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfactory mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very good mastery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MI</source>
        <extracomment>Short form of &quot;Insufficient mastery&quot; (French: MI)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MF</source>
        <extracomment>Short form of &quot;Fragile mastery&quot; (French: MF)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS</source>
        <extracomment>Short form of &quot;Satisfactory mastery&quot; (French: MS)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TBM</source>
        <extracomment>Short form of &quot;Very good mastery&quot; (French: TBM)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::ConflictModel</name>
    <message>
        <source>%1, against %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value that lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluation’s teacher has the last word on its grades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room was already booked for that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item was deleted after your change was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item was changed after it was deleted, so the change was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most recent change was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Value that lost: %2. Value kept: %3. %4 Who: %5. Status: %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade of %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll call of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appreciation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homework due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cahier de textes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row of type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::GradeBookModel</name>
    <message>
        <source>No period is open today: choose a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is closed: its marks can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is closed since %2: its marks can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(conflict: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, average: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out of 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average
/20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject average over the period, on 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/%1 · coef. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, out of %3, coefficient %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (by %2) was kept; %3 (by %4) was set aside on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abs</source>
        <comment>short label of an absent student&apos;s grade</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disp</source>
        <comment>short label of a dispensed student&apos;s grade</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nn</source>
        <comment>short label of a grade not given (non noté)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nr</source>
        <comment>short label of work not handed in (non rendu)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::HomeworkModel</name>
    <message>
        <source>Due %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(to hand in)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::RollCallModel</name>
    <message>
        <source>illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medical appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>school activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Late by %n minute(s) already recorded</source>
        <translation>
            <numerusform>Late by %n minute already recorded</numerusform>
            <numerusform>Late by %n minutes already recorded</numerusform>
        </translation>
    </message>
    <message>
        <source>Absence justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence justified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence not justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence, justification sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence, justification sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence reported, not justified yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◔ Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… Not taken</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known absence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cartable::Workspace::TimetableModel</name>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved from %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room changed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · roll call done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
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
    <message>
        <source>Show the school as on &lt;date&gt; (YYYY-MM-DD), for demonstrations and training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--today takes a date such as 2025-04-04.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
