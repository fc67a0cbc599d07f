#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Cartable::Server::ReferenceNames {

// The words the reference school is made of: names, subjects, rooms and the
// sentences of its messages. Fixed lists, so that a seed gives the same school
// everywhere.

const QStringList &femaleFirstNames();
const QStringList &maleFirstNames();
const QStringList &lastNames();
const QStringList &streets();

struct SubjectInfo
{
    QString code;
    QString name;
    qint64 coefficient; // hundredths
    QString colour;
    qint64 hoursPerWeek; // hundredths
};

// The 15 subjects of the lycée, in a fixed order.
const QList<SubjectInfo> &subjects();

struct CompetencyInfo
{
    QString code;
    QString label;
    QString parentCode;
};

// The socle commun de connaissances, de compétences et de culture.
const QList<CompetencyInfo> &socleCommun();

const QStringList &evaluationTitles();
const QStringList &gradeComments();
const QStringList &appreciations();
const QStringList &homeworkTexts();
const QStringList &lessonTitles();
const QStringList &messageSubjects();
const QStringList &messageOpenings();
const QStringList &messageSentences();
const QStringList &messageClosings();
const QStringList &noteSubjects();
const QStringList &newsTitles();
const QStringList &absenceComments();

// "Élodie" → "elodie", "Le Gall" → "le-gall": the ASCII form used in logins.
QString asciiFold(const QString &text);

} // namespace Cartable::Server::ReferenceNames
