#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace Cartable::Gui {

// Turns the error codes of core and sync into sentences a person can act on.
// Codes are for programs; only the user interface speaks.
class ErrorMessages
{
    Q_DECLARE_TR_FUNCTIONS(Cartable::Gui::ErrorMessages)

public:
    // The sentence for a failed sign-in or session resume.
    static QString signInFailure(const Core::Error &error);
    // The sentence for an address that normalizeServerUrl() refused.
    static QString invalidServerAddress();
    // The sentence for a refused password change, with the reason of a
    // refusal by the password policy.
    static QString passwordChangeFailure(const Core::Error &error);
    // The sentence for a change that could not be saved in the replica (a
    // typed value out of range, a closed period, a full disk).
    static QString saveFailure(const Core::Error &error);
    // The sentence for a change that the rules of who may do what refused
    // (Forbidden), by its reason code (docs/POLICY.md).
    static QString refusal(const Core::Error &error);
    // The sentence for a sync that stopped.
    static QString syncFailure(const Core::Error &error);
    // The sentence for a file that could not be sent or fetched (a refused
    // type, a full quota, a damaged transfer, a file not yet sent by its
    // author).
    static QString fileFailure(const Core::Error &error);

private:
    // Sign-in and password change share the lock after repeated failures.
    static QString tooManyAttempts(const Core::Error &error);
};

} // namespace Cartable::Gui
