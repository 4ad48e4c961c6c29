#pragma once

#include "backend.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

/// Contacts in and out of the app: import of a vCard (2.1/3.0/4.0) or Google/Outlook CSV file
/// in two steps, and export to vCard 4.0, vCard 3.0 or CSV.
///
/// load() reads the file and plans the import (core/interchange: nothing is written yet); the
/// rows of this model are the contacts of the file, each with what the import will do: create
/// a new contact, or, when it matches a stored one (same e-mail, same phone, or same
/// accent-folded name and organisation), MERGE into it. The user confirms or refuses each
/// merge (setAction: merge, create a separate contact, or leave it out), then apply() writes
/// the plan, one transaction per contact. Lines of the file that could not be read are listed
/// in `skipped`, each with its line number and why; a contact is imported whole or not at all.
class ContactInterchange : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    /// New contacts belong to this mission ("" none); export only this mission's ("" all).
    Q_PROPERTY(QString missionId READ missionId WRITE setMissionId NOTIFY configChanged)
    /// The file of the current plan.
    Q_PROPERTY(QUrl fileUrl READ fileUrl NOTIFY planChanged)
    /// A plan is shown and not yet applied.
    Q_PROPERTY(bool planned READ planned NOTIFY planChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int createCount READ createCount NOTIFY planChanged)
    Q_PROPERTY(int mergeCount READ mergeCount NOTIFY planChanged)
    Q_PROPERTY(int duplicateCount READ duplicateCount NOTIFY planChanged)
    /// "Line 12: …" for each card or record of the file that cannot be imported, and why.
    Q_PROPERTY(QStringList skipped READ skipped NOTIFY planChanged)
    /// Notes about the file (encoding guessed) and values kept in the notes, with lines.
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY planChanged)
    /// The outcome of the last import or export, one sentence ("" none yet).
    Q_PROPERTY(QString resultText READ resultText NOTIFY resultChanged)

public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        OrganisationRole,
        DetailRole, ///< e-mails and phones, comma-separated
        LineRole, ///< where the contact starts in the file
        ActionRole, ///< create, merge, skip (QML: plannedAction)
        ActionLabelRole,
        IsDuplicateRole, ///< matches a stored contact (merge possible)
        DuplicateIdRole,
        DuplicateNameRole, ///< the stored contact it matches
        MatchReasonRole, ///< translated: "same e-mail an@x.vn"
        MergedFieldsRole, ///< translated field names the merge fills
    };
    Q_ENUM(Roles)

    explicit ContactInterchange(QObject *parent = nullptr);
    ~ContactInterchange() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    QString missionId() const { return m_missionId; }
    void setMissionId(const QString &id);
    QUrl fileUrl() const { return m_fileUrl; }
    bool planned() const { return m_plan != nullptr; }
    bool busy() const { return m_busy; }
    int createCount() const;
    int mergeCount() const;
    int duplicateCount() const;
    QStringList skipped() const { return m_skipped; }
    QStringList warnings() const { return m_warnings; }
    QString resultText() const { return m_result; }

    /// Reads and plans the import of a file (nothing is written).
    Q_INVOKABLE void load(const QUrl &file);
    /// create, merge (only for a duplicate) or skip for one row; false if not allowed.
    Q_INVOKABLE bool setAction(int row, const QString &action);
    /// Writes the plan. imported() follows; the plan is then cleared.
    Q_INVOKABLE void apply();
    /// Forgets the plan without writing anything.
    Q_INVOKABLE void cancel();
    /// Writes the contacts (of missionId, or all) to a file: vcard4, vcard3 or csv.
    Q_INVOKABLE void exportTo(const QUrl &file, const QString &format);

Q_SIGNALS:
    void configChanged();
    void planChanged();
    void busyChanged();
    void resultChanged();
    void imported(int created, int merged, int failed);
    void exported(int count);
    void errorMessage(const QString &message);

private:
    void setBusy(bool busy);
    void setResult(const QString &text);
    void resetPlan();

    QPointer<Backend> m_backend;
    QString m_missionId;
    QUrl m_fileUrl;
    bool m_busy = false;
    QString m_result;
    QStringList m_skipped;
    QStringList m_warnings;
    struct Plan;
    struct Outcome;
    std::shared_ptr<Plan> m_plan;
};
