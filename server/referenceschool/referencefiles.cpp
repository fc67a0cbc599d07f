#include "referencefiles.h"

#include <QCryptographicHash>
#include <QStringList>

namespace Cartable::Server {

using namespace Qt::StringLiterals;

namespace {

QByteArray pdfText(const QString &text)
{
    QByteArray latin1 = text.toLatin1();
    latin1.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    return '(' + latin1 + ')';
}

// A one-page PDF with a title and lines of Helvetica, its cross-reference
// table at the right offsets.
QByteArray onePagePdf(const QString &title, const QStringList &lines)
{
    QByteArray stream = "BT /F1 18 Tf 72 770 Td " + pdfText(title) + " Tj /F1 11 Tf 0 -30 Td 14 TL\n";
    for (const QString &line : lines)
        stream += pdfText(line) + " '\n";
    stream += "ET\n";
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "endstream",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

ReferenceFile file(const QString &name, const QString &mime, const QByteArray &bytes)
{
    return {name, mime, bytes,
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())};
}

} // namespace

const QList<ReferenceFile> &referenceFiles()
{
    static const QList<ReferenceFile> files{
        file(u"Progression annuelle.pdf"_s, u"application/pdf"_s,
             onePagePdf(u"Progression annuelle"_s, {u"Période 1 : rappels, fonctions affines, statistiques."_s,
                                                    u"Période 2 : second degré, probabilités, géométrie repérée."_s,
                                                    u"Période 3 : vecteurs, trigonométrie, algorithmique."_s})),
        file(u"Sujet de TP.pdf"_s, u"application/pdf"_s,
             onePagePdf(u"Travaux pratiques"_s, {u"Objectif : mesurer la période d'un pendule simple."_s,
                                                 u"1. Faire osciller le pendule et chronométrer dix périodes."_s,
                                                 u"2. Recommencer pour trois longueurs de fil."_s,
                                                 u"3. Tracer T en fonction de la racine de L et conclure."_s})),
        file(u"Corrigé du devoir.pdf"_s, u"application/pdf"_s,
             onePagePdf(u"Corrigé du devoir"_s, {u"Exercice 1 : f(x) = 2x + 3, donc f(0) = 3 et f(-1) = 1."_s,
                                                 u"Exercice 2 : le discriminant vaut 1, deux racines : 1 et 2."_s,
                                                 u"Exercice 3 : la probabilité cherchée est 3/8."_s})),
        file(u"Énoncé des exercices.pdf"_s, u"application/pdf"_s,
             onePagePdf(u"Exercices"_s,
                        {u"Exercice 1 : résoudre 3x - 7 = 11."_s, u"Exercice 2 : développer (x + 2)(x - 5)."_s,
                         u"Exercice 3 : factoriser x² - 9."_s})),
        file(u"Fiche méthode - dissertation.txt"_s, u"text/plain"_s,
             u"Fiche méthode : la dissertation\n\n"
             "1. Analyser le sujet : définir chaque terme, repérer le problème.\n"
             "2. Construire un plan en deux ou trois parties.\n"
             "3. Rédiger l'introduction : accroche, problématique, annonce du plan.\n"
             "4. Conclure en répondant à la question posée.\n"_s.toUtf8()),
        file(u"Planning des épreuves.csv"_s, u"text/csv"_s,
             u"date;épreuve;salle\n2025-01-13;Mathématiques;B102\n2025-01-14;Français;A201\n"
             "2025-01-15;Physique-chimie;Labo 2\n2025-01-16;Histoire-géographie;A105\n"_s.toUtf8()),
        file(u"Compte rendu de réunion.txt"_s, u"text/plain"_s,
             u"Compte rendu de la réunion de l'équipe pédagogique\n\n"
             "Présents : les professeurs de la classe, la CPE.\n"
             "- Point sur les résultats du premier trimestre.\n"
             "- Organisation de la sortie au musée.\n"
             "- Prochaine réunion dans un mois.\n"_s.toUtf8()),
    };
    return files;
}

} // namespace Cartable::Server
