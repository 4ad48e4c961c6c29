// End to end against a REAL attache-server on loopback: the app's own controllers (RecordForm,
// SyncController, list models) on device A create a mission, a meeting and a contact while the
// server is down; when it is back the pending count falls to zero and device B (the manager)
// sees the records. Then a real conflict: both devices change the same field, the manager keeps
// one value in the conflict review, and both devices converge on it.
#include "appfixture.h"
#include "conflictmodel.h"
#include "missionmodel.h"
#include "recorddetails.h"
#include "recordform.h"
#include "recordlistmodel.h"
#include "store.h"
#include "synccontroller.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

namespace {

struct Device
{
    AppFixture app {false};
    SyncController sync {app.backend.get(), nullptr};
    Device() { sync.setAutomatic(false); }
};

bool signIn(Device &d, const attache::test::TestServer &server, const char *user)
{
    QSignalSpy finished(&d.sync, &SyncController::syncFinished);
    d.sync.signIn(QString::fromStdString(server.baseUrl()), QString::fromLatin1(user),
        QStringLiteral("demo-password"));
    return finished.wait(30000) && finished.at(0).at(0).toBool();
}

bool syncOnce(Device &d)
{
    QSignalSpy finished(&d.sync, &SyncController::syncFinished);
    d.sync.syncNow();
    return finished.wait(30000) && finished.at(0).at(0).toBool();
}

QString save(Device &d, const QString &kind, const QString &missionId, const QVariantMap &values)
{
    RecordForm form;
    form.setPreferences(&d.app.prefs);
    form.setKind(kind);
    form.setMissionId(missionId);
    QSignalSpy loaded(&form, &RecordForm::loaded);
    form.setBackend(d.app.backend.get());
    if (!loaded.wait(5000))
        return {};
    for (auto it = values.begin(); it != values.end(); ++it)
        form.setValue(it.key(), it.value());
    QSignalSpy saved(&form, &RecordForm::saved);
    form.save();
    if (!saved.wait(5000)) {
        qWarning() << "save failed:" << form.errorText();
        return {};
    }
    return saved.at(0).at(0).toString();
}

QStringList titles(QAbstractItemModel &model, int role)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.data(model.index(i, 0), role).toString();
    return out;
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void offlineWorkReachesTheManagerAndConflictsConverge()
    {
        attache::test::TestServer server(attache::test::Backend::Sqlite);
        auto started = server.start();
        QVERIFY2(started.ok(), started.error().message.c_str());
        auto demo = server.loadDemo();
        QVERIFY2(demo.ok(), demo.error().message.c_str());

        // Device A: Hạnh signs in once, then loses the connection.
        Device a;
        QVERIFY(a.app.waitReady());
        QVERIFY2(signIn(a, server, "hanh"), qPrintable(a.sync.errorText()));
        QVERIFY(a.sync.signedIn());
        QTRY_COMPARE(a.app.backend->currentUserName(), QStringLiteral("Trần Thị Hạnh"));
        server.stop();

        const QString mission = save(a, QStringLiteral("mission"), {},
            {{"title", QStringLiteral("Đoàn xúc tiến thương mại tại Singapore")},
                {"start_date", QStringLiteral("02/09/2026")},
                {"end_date", QStringLiteral("06/09/2026")},
                {"countries", QStringList {QStringLiteral("SG")}}});
        QVERIFY(!mission.isEmpty());
        QVERIFY(!save(a, QStringLiteral("meeting"), mission,
            {{"counterpart", QStringLiteral("Enterprise Singapore")},
                {"starts_at", QStringLiteral("03/09/2026 10:00")}})
                     .isEmpty());
        QVERIFY(!save(a, QStringLiteral("contact"), mission,
            {{"full_name", QStringLiteral("Tan Wei Ming")},
                {"organisation", QStringLiteral("Enterprise Singapore")}})
                     .isEmpty());
        QTRY_COMPARE(a.app.backend->pendingCount(), 3);

        // No server: the sync fails, says so in plain words, and keeps everything pending.
        QVERIFY(!syncOnce(a));
        QVERIFY(!a.sync.errorText().isEmpty());
        QCOMPARE(a.app.backend->pendingCount(), 3);

        // The server is back (on a new port): everything goes up, with progress shown.
        started = server.start();
        QVERIFY2(started.ok(), started.error().message.c_str());
        QSignalSpy progress(&a.sync, &SyncController::progressChanged);
        QSignalSpy syncing(&a.sync, &SyncController::syncingChanged);
        QVERIFY2(signIn(a, server, "hanh"), qPrintable(a.sync.errorText()));
        QVERIFY(progress.count() > 0);
        QVERIFY(syncing.count() >= 2); // on, then off
        QVERIFY(!a.sync.syncing());
        QTRY_COMPARE(a.app.backend->pendingCount(), 0);
        QVERIFY(a.sync.errorText().isEmpty());
        QVERIFY(a.sync.lastSyncedAt() > 0);

        // Device B: the manager sees the mission, its meeting and its contact.
        Device b;
        QVERIFY(b.app.waitReady());
        QVERIFY2(signIn(b, server, "son"), qPrintable(b.sync.errorText()));
        MissionModel missions;
        QAbstractItemModelTester tester(
            &missions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        missions.setMineOnly(false);
        missions.setBackend(b.app.backend.get());
        QTRY_VERIFY(titles(missions, MissionModel::TitleRole)
                        .contains(QStringLiteral("Đoàn xúc tiến thương mại tại Singapore")));
        RecordListModel meetings;
        meetings.setKind(QStringLiteral("meeting"));
        meetings.setMissionId(mission);
        meetings.setBackend(b.app.backend.get());
        QTRY_COMPARE(titles(meetings, RecordListModel::TitleRole),
            QStringList {QStringLiteral("Enterprise Singapore")});
        RecordListModel contacts;
        contacts.setKind(QStringLiteral("contact"));
        contacts.setMissionId(mission);
        contacts.setBackend(b.app.backend.get());
        QTRY_COMPARE(titles(contacts, RecordListModel::TitleRole),
            QStringList {QStringLiteral("Tan Wei Ming")});

        // Both change the mission's purpose without seeing each other's edit.
        auto setPurpose = [&](Device &d, const char *purpose) {
            RecordForm form;
            form.setKind(QStringLiteral("mission"));
            form.setRecordId(mission);
            QSignalSpy loaded(&form, &RecordForm::loaded);
            form.setBackend(d.app.backend.get());
            if (!loaded.wait(5000))
                return false;
            form.setValue(QStringLiteral("purpose"), QString::fromUtf8(purpose));
            QSignalSpy saved(&form, &RecordForm::saved);
            form.save();
            return saved.wait(5000);
        };
        QVERIFY(setPurpose(a, "Gặp Enterprise Singapore"));
        QVERIFY(setPurpose(b, "Khảo sát thị trường bán lẻ"));
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));
        QTRY_VERIFY(b.sync.openConflicts() + a.sync.openConflicts() >= 1);
        Device &withConflict = b.sync.openConflicts() > 0 ? b : a;

        ConflictModel conflicts;
        QAbstractItemModelTester conflictTester(
            &conflicts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        conflicts.setPreferences(&withConflict.app.prefs);
        conflicts.setBackend(withConflict.app.backend.get());
        QTRY_COMPARE(conflicts.rowCount(), 1);
        const QModelIndex row = conflicts.index(0);
        QCOMPARE(row.data(ConflictModel::FieldLabelRole).toString(), QStringLiteral("Purpose"));
        const QStringList both {row.data(ConflictModel::WinnerValueRole).toString(),
            row.data(ConflictModel::LoserValueRole).toString()};
        QVERIFY(both.contains(QStringLiteral("Gặp Enterprise Singapore")));
        QVERIFY(both.contains(QStringLiteral("Khảo sát thị trường bán lẻ")));
        QVERIFY(!row.data(ConflictModel::WinnerByRole).toString().isEmpty());
        QVERIFY(!row.data(ConflictModel::WinnerAtRole).toString().isEmpty());

        // Keep the value sync did not choose: it becomes an edit and syncs everywhere.
        const QString chosen = row.data(ConflictModel::LoserValueRole).toString();
        QSignalSpy resolved(&conflicts, &ConflictModel::resolved);
        conflicts.keep(row.data(ConflictModel::ConflictIdRole).toLongLong(), false);
        QVERIFY(resolved.wait());
        QTRY_COMPARE(conflicts.rowCount(), 0);
        QTRY_VERIFY(withConflict.app.backend->pendingCount() > 0);
        QVERIFY(syncOnce(withConflict));
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));
        QTRY_COMPARE(withConflict.sync.openConflicts(), 0);
        for (Device *d : {&a, &b}) {
            RecordDetails details;
            details.setKind(QStringLiteral("mission"));
            details.setRecordId(mission);
            QSignalSpy loaded(&details, &RecordDetails::loaded);
            details.setBackend(d->app.backend.get());
            QVERIFY(loaded.wait());
            QString purpose;
            for (const auto &l : details.lines()) {
                if (l.toMap().value(QStringLiteral("label")) == QStringLiteral("Purpose"))
                    purpose = l.toMap().value(QStringLiteral("value")).toString();
            }
            QCOMPARE(purpose, chosen);
        }
    }
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
