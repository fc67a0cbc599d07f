#include "clicommand.h"

#include "core/result.h"
#include "core/role.h"
#include "sync/credentialstore.h"
#include "sync/privatefiles.h"
#include "sync/serverurl.h"
#include "sync/session.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace Cartable::Cli {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

const QString kServerKey = u"session/server"_s;
const QString kLoginKey = u"session/login"_s;

void out(const QString &text)
{
    QTextStream(stdout) << text << Qt::endl;
}

void err(const QString &text)
{
    QTextStream(stderr) << text << Qt::endl;
}

QString explain(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidCredentials:
        return u"the login or the password is wrong"_s;
    case ErrorCode::ServerUnreachable:
        return u"the server cannot be reached (%1)"_s.arg(error.context);
    case ErrorCode::NotSignedIn:
        return u"not signed in; run 'cartable-cli login' first"_s;
    case ErrorCode::SessionExpired:
        return u"the session has expired or was closed; run 'cartable-cli login' again"_s;
    case ErrorCode::CredentialStoreError:
        return u"the OS keychain cannot keep the session (%1)"_s.arg(error.context);
    case ErrorCode::WeakPassword:
        if (error.context == u"too_short"_s)
            return u"the new password is too short (at least 8 characters)"_s;
        if (error.context == u"contains_login"_s)
            return u"the new password must not contain the login"_s;
        if (error.context == u"unchanged"_s)
            return u"the new password is the current one"_s;
        return u"the new password is refused (%1)"_s.arg(error.context);
    case ErrorCode::TooManyAttempts:
        return u"too many failed sign-ins; try again in %1 seconds"_s.arg(error.context);
    case ErrorCode::AccountDisabled:
        return u"this account has been disabled; ask the school's administration"_s;
    case ErrorCode::BlobPending:
        return u"blob_pending: the file's sender has not finished sending it to the server; try later"_s;
    case ErrorCode::FileTypeRefused:
        return u"file_type_refused: the school does not accept this kind of file (%1)"_s.arg(
            error.context.isEmpty() ? u"unknown"_s : error.context);
    case ErrorCode::QuotaExceeded:
        return u"quota_exceeded: no room left for files (%1)"_s.arg(error.context);
    case ErrorCode::HashMismatch:
        return u"hash_mismatch: the bytes received are not the file's (%1)"_s.arg(error.context);
    case ErrorCode::InvalidServerUrl:
        return u"the server address is not valid (%1)"_s.arg(error.context);
    default:
        return error.context.isEmpty() ? Core::errorCodeName(error.code)
                                       : Core::errorCodeName(error.code) + u": "_s + error.context;
    }
}

QString readPassword(bool interactive, const char *prompt)
{
    termios saved{};
    const bool terminal = interactive && ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    // One character at a time: a buffered reader would swallow the next line.
    QByteArray bytes;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar())
        bytes.append(static_cast<char>(c));
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    const QString line = QString::fromUtf8(bytes);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    return line;
}

CliCommand::CliCommand(Sync::Session &session, Sync::ApiClient &api, Sync::CredentialStore &credentials,
                       QSettings &settings, QObject *parent)
    : QObject(parent), m_session(session), m_api(api), m_credentials(credentials), m_settings(settings)
{
}

void CliCommand::run(const QStringList &arguments, std::function<void(int)> finished)
{
    m_finished = std::move(finished);
    const QString command = arguments.value(1);
    const QStringList rest = arguments.mid(1);
    if (command == u"login"_s)
        return login(rest);
    if (command == u"whoami"_s)
        return whoami(rest);
    if (command == u"logout"_s)
        return logout(rest);
    if (command == u"passwd"_s)
        return passwd(rest);
    if (command == u"sync"_s)
        return sync(rest);
    if (command == u"status"_s)
        return status(rest);
    if (command == u"get"_s)
        return get(rest);
    if (command == u"put"_s)
        return put(rest);
    if (command == u"set"_s)
        return set(rest);
    if (command == u"export"_s)
        return exportRows(rest);
    if (command == u"conflicts"_s)
        return conflicts(rest);
    if (command == u"restore"_s)
        return restore(rest);
    if (command == u"--version"_s) {
        out(u"cartable-cli " CARTABLE_VERSION ""_s);
        return done(Success);
    }
    if (command == u"--help"_s || command == u"-h"_s || command == u"help"_s) {
        out(u"Usage: cartable-cli <command> [options]\n\n"
            "Commands:\n"
            "  login --server URL --login LOGIN [--password-stdin]\n"
            "                      sign in; the session token goes to the OS keychain\n"
            "  whoami [--json]     show the signed-in account, its roles and establishments\n"
            "  logout [--forget [--discard-unsent] [--replica FILE]]\n"
            "                      close the session on the server and forget it here;\n"
            "                      --forget also removes this computer's copy (refused while\n"
            "                      changes wait to be sent, unless --discard-unsent)\n"
            "  passwd [--password-stdin]\n"
            "                      choose a new password (current, then new, one per line)\n"
            "  sync [--page N]     push the local changes, then pull the server's, with progress\n"
            "  status [--json]     the replica: its file, cursor, pending changes and open conflicts\n"
            "  get TYPE ID [FIELD] a row of the replica as JSON, or one of its fields\n"
            "  get SHA256|ID [-o PATH] [--force]\n"
            "                      fetch a file (by its hash, attachment or document id),\n"
            "                      checked against its SHA-256, into PATH\n"
            "  put FILE --attach OWNER_TYPE:OWNER_ID | --folder FOLDER_ID\n"
            "                      attach a file to a row, or put it in a document folder,\n"
            "                      then sync; prints the new row's id and the file's SHA-256\n"
            "  set TYPE ID FIELD VALUE\n"
            "                      change a field here (saved at once, pushed by the next sync)\n"
            "  export              every row of the replica, one JSON line each\n"
            "  conflicts [--all]   the values that lost a conflict, with both sides\n"
            "  restore CONFLICT_ID make the losing value the current one again (a new change)\n\n"
            "The replica commands take --replica FILE (default: one file per server and login\n"
            "in the user's data folder).\n\n"
            "Exit codes: 0 success, 1 failure, 2 bad usage."_s);
        return done(Success);
    }
    usage(command.isEmpty() ? u"no command given"_s : u"unknown command '%1'"_s.arg(command));
}

void CliCommand::login(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption serverOption(u"server"_s, u"Server address."_s, u"url"_s);
    const QCommandLineOption loginOption(u"login"_s, u"Login."_s, u"login"_s);
    const QCommandLineOption stdinOption(u"password-stdin"_s, u"Read the password from standard input."_s);
    parser.addOptions({serverOption, loginOption, stdinOption});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (!parser.isSet(serverOption) || !parser.isSet(loginOption))
        return usage(u"login needs --server and --login"_s);
    const Core::Result<QUrl> server = Sync::normalizeServerUrl(parser.value(serverOption));
    if (!server)
        return fail(server.error());
    const QString login = parser.value(loginOption).trimmed();
    const QString password = readPassword(!parser.isSet(stdinOption));
    if (password.isEmpty())
        return usage(u"no password given"_s);

    m_connections.append(connect(&m_session, &Sync::Session::signedIn, this, [this](const Core::UserProfile &profile) {
        m_settings.setValue(kServerKey, m_session.server().toString());
        m_settings.setValue(kLoginKey, profile.login);
        m_settings.sync();
        // It names the account: the user's alone, as the replica is.
        if (!Sync::PrivateFiles::restrict(m_settings.fileName()))
            err(u"warning: the settings file could not be made private"_s);
        out(u"Signed in as %1 (%2) on %3"_s.arg(profile.displayName, profile.login, m_session.server().toString()));
        if (m_session.passwordChangeRequired())
            out(u"This account must choose a new password first: run 'cartable-cli passwd'."_s);
        done(Success);
    }));
    // Without a keychain the server's new session cannot be kept: the
    // session closes it again before failing, and the user is told.
    auto unkept = std::make_shared<std::optional<bool>>();
    m_connections.append(
        connect(&m_session, &Sync::Session::unkeptSessionClosed, this, [unkept](bool closed) { *unkept = closed; }));
    m_connections.append(connect(&m_session, &Sync::Session::signInFailed, this, [this, unkept](const Error &error) {
        err(u"error: "_s + explain(error));
        if (unkept->has_value()) {
            err(**unkept ? u"The session the server opened was closed on the server again; nothing stays signed in."_s
                         : u"warning: the server did not confirm closing the session it opened; it stays open "
                           "there until it expires"_s);
        }
        done(Failure);
    }));
    m_session.signIn(*server, login, password);
}

void CliCommand::resumeThen(std::function<void()> onSignedIn, std::function<void(const Error &)> onFailed)
{
    const QUrl server(m_settings.value(kServerKey).toString());
    const QString login = m_settings.value(kLoginKey).toString();
    if (server.isEmpty() || login.isEmpty())
        return onFailed(Error{ErrorCode::NotSignedIn, {}});
    m_connections.append(connect(&m_session, &Sync::Session::signedIn, this, std::move(onSignedIn)));
    m_connections.append(connect(&m_session, &Sync::Session::signInFailed, this, std::move(onFailed)));
    m_session.resume(server, login);
}

void CliCommand::whoami(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(u"json"_s, u"Print the profile as JSON."_s);
    parser.addOption(jsonOption);
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const bool json = parser.isSet(jsonOption);
    resumeThen(
        [this, json] {
            const Core::UserProfile &profile = m_session.profile();
            if (json) {
                out(QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Indented)).trimmed());
                return done(Success);
            }
            out(u"%1 (%2) on %3"_s.arg(profile.displayName, profile.login, m_session.server().toString()));
            for (const Core::RoleAssignment &assignment : profile.assignments) {
                out(u"  %1 at %2 (%3)"_s.arg(Core::roleCode(assignment.role), assignment.establishment.name,
                                             assignment.establishment.uai));
            }
            done(Success);
        },
        [this](const Error &error) { fail(error); });
}

void CliCommand::logout(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption forgetOption(u"forget"_s, u"Also remove this computer's copy of the account."_s);
    const QCommandLineOption discardOption(u"discard-unsent"_s,
                                           u"With --forget: remove it even with changes not yet sent."_s);
    const QCommandLineOption replicaOption(u"replica"_s, u"With --forget: the replica file to remove."_s, u"file"_s);
    parser.addOptions({forgetOption, discardOption, replicaOption});
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty())
        return usage(parser.errorText().isEmpty() ? u"logout takes no argument"_s : parser.errorText());
    const bool forget = parser.isSet(forgetOption);
    if (!forget && (parser.isSet(discardOption) || parser.isSet(replicaOption)))
        return usage(u"--discard-unsent and --replica go with --forget"_s);
    const QUrl server(m_settings.value(kServerKey).toString());
    const QString login = m_settings.value(kLoginKey).toString();
    // Checked before anything changes: a refusal leaves the session open.
    QString copy;
    if (forget) {
        copy = parser.isSet(replicaOption) ? parser.value(replicaOption) : defaultReplicaPath();
        if (copy.isEmpty()) {
            err(u"error: no account is signed in here; name the replica to remove with --replica FILE"_s);
            return done(Failure);
        }
        if (!mayForgetReplica(copy, parser.isSet(discardOption)))
            return;
    }
    auto forgetLocally = [this, copy]() -> bool {
        m_settings.remove(kServerKey);
        m_settings.remove(kLoginKey);
        m_settings.sync();
        return copy.isEmpty() || forgetReplica(copy);
    };
    resumeThen(
        [this, forgetLocally] {
            m_connections.append(connect(&m_session, &Sync::Session::signedOut, this, [this, forgetLocally] {
                if (!forgetLocally())
                    return;
                out(u"Signed out."_s);
                done(Success);
            }));
            m_session.signOut();
        },
        [this, server, login, forgetLocally](const Error &error) {
            if (error.code == ErrorCode::NotSignedIn || error.code == ErrorCode::SessionExpired) {
                if (!forgetLocally())
                    return;
                out(u"Not signed in."_s);
                return done(Success);
            }
            // The server cannot confirm, but the token must not stay here.
            m_credentials.remove(Sync::credentialKey(server, login), [this, error,
                                                                      forgetLocally](Core::Status removed) {
                if (!removed)
                    return fail(removed.error());
                if (!forgetLocally())
                    return;
                err(u"warning: %1; the session was forgotten here but may stay open on the server until it expires"_s
                        .arg(explain(error)));
                done(Success);
            });
        });
}

void CliCommand::passwd(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption stdinOption(u"password-stdin"_s, u"Read both passwords from standard input."_s);
    parser.addOption(stdinOption);
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const bool interactive = !parser.isSet(stdinOption);
    const QString current = readPassword(interactive, "Current password: ");
    const QString chosen = readPassword(interactive, "New password: ");
    if (current.isEmpty() || chosen.isEmpty())
        return usage(u"passwd needs the current password and the new one"_s);
    if (interactive && readPassword(true, "New password again: ") != chosen)
        return fail(Error{ErrorCode::InvalidField, u"the two new passwords differ"_s});

    resumeThen(
        [this, current, chosen] {
            m_connections.append(connect(&m_session, &Sync::Session::passwordChanged, this, [this] {
                out(u"Password changed. Every other session of this account has ended."_s);
                done(Success);
            }));
            m_connections.append(connect(&m_session, &Sync::Session::passwordChangeFailed, this, &CliCommand::fail));
            m_session.changePassword(current, chosen);
        },
        [this](const Error &error) { fail(error); });
}

void CliCommand::done(int code)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    if (m_finished)
        std::exchange(m_finished, nullptr)(code);
}

void CliCommand::fail(const Error &error)
{
    err(u"error: "_s + explain(error));
    done(Failure);
}

void CliCommand::usage(const QString &message)
{
    err(u"cartable-cli: %1\nTry 'cartable-cli --help'."_s.arg(message));
    done(Usage);
}

} // namespace Cartable::Cli
