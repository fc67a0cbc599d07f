#pragma once

#include "sync/apiclient.h"

#include <QLineEdit>
#include <QTest>
#include <QWidget>

#include <functional>
#include <optional>
#include <utility>

namespace Cartable::Test {

// What widget tests share: finding controls by objectName, typing into them,
// following the keyboard, and waiting for the server.

template<typename T>
T *findChildNamed(QWidget *parent, const QString &name)
{
    return parent ? parent->findChild<T *>(name) : nullptr;
}

// Replaces the text of `edit` as a person would: emptied, then typed.
inline void retype(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Where Tab goes from `widget`: the next widget of the focus chain that takes
// the focus by keyboard.
inline QWidget *nextTabStop(QWidget *widget)
{
    for (QWidget *next = widget->nextInFocusChain(); next && next != widget; next = next->nextInFocusChain()) {
        if ((next->focusPolicy() & Qt::TabFocus) && next->isVisibleTo(widget->window()))
            return next;
    }
    return nullptr;
}

// The answer of one API call, waited for; ServerUnreachable when none came
// within `timeoutMs`.
template<typename T>
Core::Result<T> answerOf(const std::function<void(Sync::ApiClient::Callback<T>)> &call, int timeoutMs)
{
    using namespace Qt::StringLiterals;
    std::optional<Core::Result<T>> answer;
    call([&answer](Core::Result<T> result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, timeoutMs))
        return Core::Error{Core::ErrorCode::ServerUnreachable, u"no answer"_s};
    return std::move(answer).value();
}

} // namespace Cartable::Test
