#include "frenchnames.h"

namespace Cartable::Server::ReferenceNames {

using namespace Qt::StringLiterals;

const QStringList &femaleFirstNames()
{
    static const QStringList names{
        u"Emma"_s,     u"Léa"_s,       u"Chloé"_s,    u"Manon"_s,    u"Inès"_s,     u"Camille"_s,   u"Zoé"_s,
        u"Louise"_s,   u"Jade"_s,      u"Lola"_s,     u"Clémence"_s, u"Océane"_s,   u"Maëlys"_s,    u"Anaïs"_s,
        u"Noémie"_s,   u"Héloïse"_s,   u"Salomé"_s,   u"Juliette"_s, u"Margaux"_s,  u"Éloïse"_s,    u"Mathilde"_s,
        u"Clara"_s,    u"Lucie"_s,     u"Agathe"_s,   u"Romane"_s,   u"Élodie"_s,   u"Anaëlle"_s,   u"Bérénice"_s,
        u"Gaëlle"_s,   u"Sophie"_s,    u"Claire"_s,   u"Nathalie"_s, u"Isabelle"_s, u"Céline"_s,    u"Aurélie"_s,
        u"Hélène"_s,   u"Véronique"_s, u"Sandrine"_s, u"Émilie"_s,   u"Valérie"_s,  u"Stéphanie"_s, u"Karine"_s,
        u"Amélie"_s,   u"Yasmine"_s,   u"Aïcha"_s,    u"Fatou"_s,    u"Mélissa"_s,  u"Solène"_s,    u"Capucine"_s,
        u"Apolline"_s,
    };
    return names;
}

const QStringList &maleFirstNames()
{
    static const QStringList names{
        u"Léo"_s,     u"Gabriel"_s,  u"Raphaël"_s,  u"Louis"_s,    u"Lucas"_s,     u"Hugo"_s,     u"Jules"_s,
        u"Arthur"_s,  u"Théo"_s,     u"Noé"_s,      u"Mathéo"_s,   u"Timothée"_s,  u"Maël"_s,     u"Anaël"_s,
        u"Côme"_s,    u"Adrien"_s,   u"Benoît"_s,   u"Cédric"_s,   u"Jérôme"_s,    u"Frédéric"_s, u"Stéphane"_s,
        u"Hervé"_s,   u"Grégoire"_s, u"Aurélien"_s, u"Valentin"_s, u"Clément"_s,   u"Antoine"_s,  u"Baptiste"_s,
        u"Étienne"_s, u"Joël"_s,     u"Loïc"_s,     u"Noël"_s,     u"Sébastien"_s, u"Thierry"_s,  u"Julien"_s,
        u"Marc"_s,    u"Nicolas"_s,  u"Olivier"_s,  u"Pascal"_s,   u"Rémi"_s,      u"Yanis"_s,    u"Karim"_s,
        u"Moussa"_s,  u"Amine"_s,    u"Enzo"_s,     u"Nathan"_s,   u"Évan"_s,      u"Gaël"_s,     u"Tristan"_s,
        u"Victor"_s,
    };
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names{
        u"Martin"_s,   u"Bernard"_s,   u"Dubois"_s,    u"Thomas"_s,   u"Robert"_s,    u"Richard"_s,  u"Petit"_s,
        u"Durand"_s,   u"Leroy"_s,     u"Moreau"_s,    u"Simon"_s,    u"Laurent"_s,   u"Lefèvre"_s,  u"Michel"_s,
        u"García"_s,   u"David"_s,     u"Bertrand"_s,  u"Roux"_s,     u"Vincent"_s,   u"Fournier"_s, u"Morel"_s,
        u"Girard"_s,   u"André"_s,     u"Lefebvre"_s,  u"Mercier"_s,  u"Dupont"_s,    u"Lambert"_s,  u"Bonnet"_s,
        u"François"_s, u"Martínez"_s,  u"Légaré"_s,    u"Gauthier"_s, u"Chevalier"_s, u"Brunet"_s,   u"Bénard"_s,
        u"Faure"_s,    u"Rousseau"_s,  u"Blanc"_s,     u"Guérin"_s,   u"Muller"_s,    u"Hénault"_s,  u"Boyer"_s,
        u"Lemaître"_s, u"Châtelain"_s, u"Le Gall"_s,   u"Le Goff"_s,  u"N'Diaye"_s,   u"Diallo"_s,   u"Benali"_s,
        u"Nguyen"_s,   u"Perrin"_s,    u"Clément"_s,   u"Gérard"_s,   u"Rolland"_s,   u"Besnard"_s,  u"Noël"_s,
        u"Aubert"_s,   u"Lécuyer"_s,   u"Pelletier"_s, u"Caron"_s,    u"Fontaine"_s,  u"Chauvin"_s,  u"Leclerc"_s,
        u"Barbier"_s,  u"Dufour"_s,    u"Jégou"_s,     u"Prévost"_s,  u"Évrard"_s,    u"Renaud"_s,   u"Hoarau"_s,
    };
    return names;
}

const QStringList &streets()
{
    static const QStringList names{
        u"rue Mouffetard"_s, u"rue Monge"_s,           u"boulevard Saint-Michel"_s, u"rue des Écoles"_s,
        u"rue Lhomond"_s,    u"avenue des Gobelins"_s, u"rue Claude-Bernard"_s,     u"rue de la Clef"_s,
        u"rue Daubenton"_s,  u"rue Censier"_s,         u"place d'Italie"_s,         u"rue de l'Arbalète"_s,
    };
    return names;
}

const QList<SubjectInfo> &subjects()
{
    static const QList<SubjectInfo> list{
        {u"FRA"_s, u"Français"_s, 400, u"#1f77b4"_s, 400},
        {u"MAT"_s, u"Mathématiques"_s, 400, u"#d62728"_s, 400},
        {u"HGE"_s, u"Histoire-Géographie"_s, 300, u"#8c564b"_s, 300},
        {u"ANG"_s, u"Anglais (LVA)"_s, 200, u"#2ca02c"_s, 300},
        {u"ESP"_s, u"Espagnol (LVB)"_s, 200, u"#ff7f0e"_s, 250},
        {u"ALL"_s, u"Allemand (LVB)"_s, 200, u"#9467bd"_s, 250},
        {u"PHC"_s, u"Physique-Chimie"_s, 300, u"#17becf"_s, 300},
        {u"SVT"_s, u"Sciences de la vie et de la Terre"_s, 200, u"#bcbd22"_s, 150},
        {u"SES"_s, u"Sciences économiques et sociales"_s, 200, u"#e377c2"_s, 150},
        {u"EPS"_s, u"Éducation physique et sportive"_s, 100, u"#7f7f7f"_s, 200},
        {u"EMC"_s, u"Enseignement moral et civique"_s, 100, u"#aec7e8"_s, 50},
        {u"SNT"_s, u"Sciences numériques et technologie"_s, 100, u"#ffbb78"_s, 150},
        {u"NSI"_s, u"Numérique et sciences informatiques"_s, 200, u"#98df8a"_s, 400},
        {u"PHI"_s, u"Philosophie"_s, 300, u"#c5b0d5"_s, 400},
        {u"ART"_s, u"Arts plastiques"_s, 100, u"#f7b6d2"_s, 300},
    };
    return list;
}

const QList<CompetencyInfo> &socleCommun()
{
    static const QList<CompetencyInfo> list{
        {u"D1"_s, u"Les langages pour penser et communiquer"_s, {}},
        {u"D1.1"_s, u"Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit"_s, u"D1"_s},
        {u"D1.2"_s,
         u"Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale"_s,
         u"D1"_s},
        {u"D1.3"_s, u"Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques"_s,
         u"D1"_s},
        {u"D1.4"_s, u"Comprendre, s'exprimer en utilisant les langages des arts et du corps"_s, u"D1"_s},
        {u"D2"_s, u"Les méthodes et outils pour apprendre"_s, {}},
        {u"D3"_s, u"La formation de la personne et du citoyen"_s, {}},
        {u"D4"_s, u"Les systèmes naturels et les systèmes techniques"_s, {}},
        {u"D5"_s, u"Les représentations du monde et l'activité humaine"_s, {}},
    };
    return list;
}

const QStringList &evaluationTitles()
{
    static const QStringList list{
        u"Interrogation écrite"_s,
        u"Devoir surveillé"_s,
        u"Contrôle de connaissances"_s,
        u"Exposé oral"_s,
        u"Devoir maison"_s,
        u"Travaux pratiques"_s,
        u"Dissertation"_s,
        u"Commentaire de texte"_s,
        u"Compréhension écrite"_s,
        u"Épreuve commune"_s,
        u"Évaluation de fin de séquence"_s,
        u"Quiz en ligne"_s,
    };
    return list;
}

const QStringList &gradeComments()
{
    static const QStringList list{
        u"Très bon travail."_s,
        u"Des efforts à poursuivre."_s,
        u"Copie soignée, raisonnement clair."_s,
        u"Attention à l'orthographe."_s,
        u"Méthode à revoir."_s,
        u"Bien, mais manque de rigueur."_s,
        u"Excellent, félicitations !"_s,
        u"Travail insuffisant."_s,
        u"Résultat en progrès."_s,
        u"Revoir la leçon sur les fonctions."_s,
    };
    return list;
}

const QStringList &appreciations()
{
    static const QStringList list{
        u"Trimestre satisfaisant. Élève sérieux et investi, qui participe volontiers."_s,
        u"Bon trimestre dans l'ensemble ; il faut maintenant gagner en régularité."_s,
        u"Des résultats fragiles : un travail personnel plus approfondi est nécessaire."_s,
        u"Excellent trimestre, félicitations pour ce travail rigoureux."_s,
        u"Ensemble décevant. Le bavardage nuit à la concentration."_s,
        u"Trimestre encourageant, les efforts commencent à porter leurs fruits."_s,
        u"Élève agréable mais trop discret à l'oral ; oser davantage."_s,
        u"Résultats corrects, attention toutefois aux devoirs non rendus."_s,
    };
    return list;
}

const QStringList &homeworkTexts()
{
    static const QStringList list{
        u"Relire le cours et faire les exercices 12 à 15 page 87."_s,
        u"Apprendre la leçon pour l'interrogation de la semaine prochaine."_s,
        u"Rédiger une introduction de dissertation (une page maximum)."_s,
        u"Terminer la fiche d'exercices distribuée en classe."_s,
        u"Préparer un exposé de cinq minutes sur le thème étudié."_s,
        u"Lire le chapitre 3 et répondre aux questions 1 à 6."_s,
        u"Réviser le vocabulaire de l'unité 4 et faire l'exercice en ligne."_s,
        u"Rendre le compte rendu de travaux pratiques."_s,
    };
    return list;
}

const QStringList &lessonTitles()
{
    static const QStringList list{
        u"Introduction au chapitre"_s,
        u"Correction des exercices"_s,
        u"Étude de documents"_s,
        u"Travaux pratiques"_s,
        u"Cours et exercices d'application"_s,
        u"Révisions avant l'évaluation"_s,
        u"Analyse d'une œuvre"_s,
        u"Méthodologie"_s,
    };
    return list;
}

const QStringList &messageSubjects()
{
    static const QStringList list{
        u"Rendez-vous parents-professeurs"_s,
        u"Absence de demain"_s,
        u"Question sur le devoir"_s,
        u"Sortie pédagogique"_s,
        u"Conseil de classe"_s,
        u"Réunion d'équipe"_s,
        u"Manuel oublié"_s,
        u"Stage d'observation"_s,
        u"Résultats du trimestre"_s,
        u"Voyage scolaire en Espagne"_s,
        u"Projet de classe"_s,
        u"Orientation et Parcoursup"_s,
    };
    return list;
}

const QStringList &messageOpenings()
{
    static const QStringList list{u"Bonjour,"_s, u"Madame, Monsieur,"_s, u"Bonjour à tous,"_s, u"Chère collègue,"_s,
                                  u"Cher collègue,"_s};
    return list;
}

const QStringList &messageSentences()
{
    static const QStringList list{
        u"Je me permets de vous écrire au sujet du travail demandé pour la semaine prochaine."_s,
        u"Pourriez-vous me confirmer votre disponibilité jeudi après les cours ?"_s,
        u"Les documents nécessaires sont déposés dans l'espace de la classe."_s,
        u"Merci de signer l'autorisation de sortie avant vendredi."_s,
        u"Mon enfant sera absent demain matin pour un rendez-vous médical."_s,
        u"La réunion aura lieu en salle B104 à 17 h 30."_s,
        u"Je reste à votre disposition pour tout complément d'information."_s,
        u"Le planning des épreuves communes a été mis à jour."_s,
        u"Il faudra prévoir une calculatrice et une clé USB."_s,
        u"Nous ferons le point lors du prochain conseil pédagogique."_s,
    };
    return list;
}

const QStringList &messageClosings()
{
    static const QStringList list{u"Cordialement."_s, u"Bien à vous."_s, u"Merci d'avance, bonne journée."_s,
                                  u"Bonne soirée."_s};
    return list;
}

const QStringList &noteSubjects()
{
    static const QStringList list{
        u"Oubli de matériel"_s,      u"Travail non fait"_s,          u"Comportement en classe"_s, u"Félicitations"_s,
        u"Demande de rendez-vous"_s, u"Information sur la sortie"_s, u"Retards répétés"_s,
    };
    return list;
}

const QStringList &newsTitles()
{
    static const QStringList list{
        u"Calendrier des conseils de classe"_s,
        u"Journée portes ouvertes"_s,
        u"Semaine des langues"_s,
        u"Forum des métiers"_s,
        u"Collecte solidaire"_s,
        u"Résultats du cross du lycée"_s,
        u"Fermeture exceptionnelle du CDI"_s,
        u"Élection des délégués"_s,
        u"Réunion d'information Parcoursup"_s,
    };
    return list;
}

const QStringList &absenceComments()
{
    static const QStringList list{u"Prévenu par téléphone."_s, u"Certificat médical à fournir."_s,
                                  u"Absence signalée par la famille."_s, u"Retard du bus."_s,
                                  u"Convocation officielle."_s};
    return list;
}

QString asciiFold(const QString &text)
{
    QString folded;
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toLower();
    for (const QChar c : decomposed) {
        if (c.unicode() >= u'a' && c.unicode() <= u'z')
            folded.append(c);
        else if (c.unicode() >= u'0' && c.unicode() <= u'9')
            folded.append(c);
        else if (c == u' ' || c == u'\'' || c == u'-')
            folded.append(u'-');
        else if (c.unicode() == 0x0153) // œ has no decomposition
            folded.append(u"oe"_s);
        else if (c.unicode() == 0x00e6)
            folded.append(u"ae"_s);
    }
    return folded;
}

} // namespace Cartable::Server::ReferenceNames
