// End to end against a REAL attache-server on loopback: the app's own controllers (RecordForm,
// SyncController, list models) on device A create a mission, a meeting and a contact while the
// server is down; when it is back the pending count falls to zero and device B (the manager)
// sees the records. Then a real conflict: both devices change the same field, the manager keeps
// one value in the conflict review, and both devices converge on it.
#include "appfixture.h"
#include "attachmentcontroller.h"
#include "conflictmodel.h"
#include "fulldiskserver.h"
#include "missionmodel.h"
#include "recorddetails.h"
#include "recordform.h"
#include "recordlistmodel.h"
#include "setasidemodel.h"
#include "store.h"
#include "synccontroller.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>

namespace {

struct Device
{
    AppFixture app {false};
    SyncController sync {app.backend.get(), nullptr};
    Device() { sync.setAutomatic(false); }
};

bool signIn(Device &d, const std::string &baseUrl, const char *user)
{
    QSignalSpy finished(&d.sync, &SyncController::syncFinished);
    d.sync.signIn(QString::fromStdString(baseUrl), QString::fromLatin1(user),
        QStringLiteral("demo-password"));
    return finished.wait(30000) && finished.at(0).at(0).toBool();
}
bool signIn(Device &d, const attache::test::TestServer &server, const char *user)
{
    return signIn(d, server.baseUrl(), user);
}

// attache-server on a copy of the demo department's data, on a full disk (FullDiskServer);
// empty on success, else what failed.
std::string startDemoOnFullDisk(attache::test::FullDiskServer &server)
{
    attache::test::TestServer data(attache::test::Backend::Sqlite);
    auto demo = data.loadDemo();
    if (!demo.ok())
        return demo.error().message;
    return server.start(data.storageArgs().value(1)); // a copy: `data` may go
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

    // First start, "work offline, sign in later", against a REAL server: a device that never
    // signed in records a mission, a meeting and a contact with a business-card photo; at the
    // first sign-in (with a device name) all of it goes up; the manager sees it and downloads
    // the photo on demand; when the member is removed from the mission, her unsent edit is set
    // aside and listed, not lost.
    void firstStartOfflineThenSignIn()
    {
        attache::test::TestServer server(attache::test::Backend::Sqlite);
        auto started = server.start();
        QVERIFY2(started.ok(), started.error().message.c_str());
        auto demo = server.loadDemo();
        QVERIFY2(demo.ok(), demo.error().message.c_str());

        Device a;
        QVERIFY(a.app.waitReady());
        QVERIFY(!a.sync.signedIn());
        QVERIFY(a.sync.serverUrl().isEmpty());
        const QString mission = save(a, QStringLiteral("mission"), {},
            {{"title", QStringLiteral("Đoàn khảo sát thị trường Lào")},
                {"start_date", QStringLiteral("05/10/2026")},
                {"end_date", QStringLiteral("09/10/2026")},
                {"countries", QStringList {QStringLiteral("LA")}}});
        QVERIFY(!mission.isEmpty());
        QVERIFY(!save(a, QStringLiteral("meeting"), mission,
            {{"counterpart", QStringLiteral("Sở Công Thương Viêng Chăn")},
                {"starts_at", QStringLiteral("06/10/2026 09:00")}})
                     .isEmpty());

        const QByteArray photo = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(3000, 'c');
        const QString photoPath = a.app.dir.filePath(QStringLiteral("card.png"));
        {
            QFile file(photoPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(photo), photo.size());
        }
        RecordForm contact;
        contact.setPreferences(&a.app.prefs);
        contact.setKind(QStringLiteral("contact"));
        contact.setMissionId(mission);
        QSignalSpy contactLoaded(&contact, &RecordForm::loaded);
        contact.setBackend(a.app.backend.get());
        QVERIFY(contactLoaded.wait());
        contact.setValue(QStringLiteral("full_name"), QStringLiteral("Souksavanh Phommachanh"));
        contact.setAttachmentPath(photoPath);
        QSignalSpy contactSaved(&contact, &RecordForm::saved);
        contact.save();
        QVERIFY2(contactSaved.wait(), qPrintable(contact.errorText()));
        QTRY_COMPARE(a.app.backend->pendingCount(), 4); // mission, meeting, contact, photo

        // The first sign-in, naming the device: what was typed before goes up with it.
        QSignalSpy finished(&a.sync, &SyncController::syncFinished);
        a.sync.signIn(QString::fromStdString(server.baseUrl()), QStringLiteral("hanh"),
            QStringLiteral("demo-password"), QStringLiteral("Laptop của Hạnh"));
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(a.sync.errorText()));
        QTRY_COMPARE(a.app.backend->pendingCount(), 0);
        QCOMPARE(a.sync.deviceName(), QStringLiteral("Laptop của Hạnh"));
        const auto devices = server.admin(
            {QStringLiteral("list-devices"), QStringLiteral("--user"), QStringLiteral("hanh")});
        QCOMPARE(devices.exitCode, 0);
        QVERIFY2(QString::fromStdString(devices.out).contains(QStringLiteral("Laptop của Hạnh")),
            devices.out.c_str());

        // The manager's device: the mission, its meeting, and the photo, downloaded on demand.
        Device b;
        QVERIFY(b.app.waitReady());
        QVERIFY2(signIn(b, server, "son"), qPrintable(b.sync.errorText()));
        RecordListModel meetings;
        meetings.setKind(QStringLiteral("meeting"));
        meetings.setMissionId(mission);
        meetings.setBackend(b.app.backend.get());
        QTRY_COMPARE(titles(meetings, RecordListModel::TitleRole),
            QStringList {QStringLiteral("Sở Công Thương Viêng Chăn")});
        RecordListModel attachments;
        attachments.setKind(QStringLiteral("attachment"));
        attachments.setMissionId(mission);
        attachments.setBackend(b.app.backend.get());
        QTRY_COMPARE(attachments.rowCount(), 1);
        AttachmentController opened;
        opened.setBackend(b.app.backend.get());
        opened.setSync(&b.sync);
        opened.setAttachmentId(attachments.idAt(0));
        QTRY_COMPARE_WITH_TIMEOUT(opened.state(), QStringLiteral("ready"), 20000);
        QVERIFY(opened.isImage());
        QCOMPARE(opened.fileName(), QStringLiteral("card.png"));
        QVERIFY(opened.fileUrl().toLocalFile().endsWith(QStringLiteral("/card.png")));
        QFile downloaded(opened.fileUrl().toLocalFile());
        QVERIFY(downloaded.open(QIODevice::ReadOnly));
        QCOMPARE(downloaded.readAll(), photo);

        // Hạnh edits the meeting offline, then is taken off the mission: the edit is set aside.
        QString meetingId = meetings.idAt(0);
        {
            RecordForm edit;
            edit.setPreferences(&a.app.prefs);
            edit.setKind(QStringLiteral("meeting"));
            edit.setRecordId(meetingId);
            QSignalSpy loaded(&edit, &RecordForm::loaded);
            edit.setBackend(a.app.backend.get());
            QVERIFY(loaded.wait());
            edit.setValue(QStringLiteral("outcome"), QStringLiteral("Thống nhất lập tổ công tác"));
            QSignalSpy saved(&edit, &RecordForm::saved);
            edit.save();
            QVERIFY(saved.wait());
        }
        const auto hanhId = a.app.backend->currentUserId().toStdString();
        QVERIFY(!hanhId.empty());
        QVERIFY(server.removeMember(mission.toStdString(), hanhId).ok());
        SetAsideModel setAside;
        setAside.setPreferences(&a.app.prefs);
        setAside.setBackend(a.app.backend.get());
        QSignalSpy told(&a.sync, &SyncController::editsSetAside);
        (void)syncOnce(a); // the edit is refused or dropped with the mission: either way kept
        (void)syncOnce(a);
        QTRY_COMPARE(setAside.count(), 1);
        QCOMPARE(told.count(), 1); // and the user is told, once
        QCOMPARE(told.at(0).at(0).toLongLong(), 1);
        QVERIFY(setAside.index(0)
                    .data(SetAsideModel::TextRole)
                    .toString()
                    .contains(QStringLiteral("Outcome: Thống nhất lập tổ công tác")));
        QTRY_COMPARE(a.app.backend->pendingCount(), 0);
    }

    void serverDiskFull_syncSaysSo_changesKeptAndSentOnceSpaceIsFreed()
    {
        if (const QString why = attache::test::FullDiskServer::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        attache::test::FullDiskServer server;
        const std::string failed = startDemoOnFullDisk(server);
        QVERIFY2(failed.empty(), failed.c_str());

        Device a;
        QVERIFY(a.app.waitReady());
        QVERIFY2(signIn(a, server.baseUrl(), "hanh"), qPrintable(a.sync.errorText()));
        const QString mission = save(a, QStringLiteral("mission"), {},
            {{"title", QStringLiteral("Đoàn xúc tiến đầu tư tại Hàn Quốc")},
                {"start_date", QStringLiteral("12/10/2026")},
                {"end_date", QStringLiteral("16/10/2026")},
                {"countries", QStringList {QStringLiteral("KR")}}});
        QVERIFY(!mission.isEmpty());
        // Six contacts with 250 KB of notes each: about 3 MB for the server to store (records
        // and audit trail) where 1 MB is left.
        const QString notes(250 * 1024, QLatin1Char('n'));
        for (int i = 0; i < 6; ++i) {
            QVERIFY(!save(a, QStringLiteral("contact"), mission,
                {{"full_name", QStringLiteral("Kim Min-jun %1").arg(i)}, {"notes", notes}})
                         .isEmpty());
        }
        QTRY_COMPARE(a.app.backend->pendingCount(), 7);

        // The sync fails, says why in words the official can act on, and keeps the changes.
        QVERIFY(!syncOnce(a));
        QVERIFY2(a.sync.errorText().contains(QStringLiteral("storage is full")),
            qPrintable(a.sync.errorText()));
        QVERIFY(a.app.backend->pendingCount() > 0);

        // IT frees space: the next sync sends everything.
        QVERIFY(server.freeSpace());
        QVERIFY2(syncOnce(a), qPrintable(a.sync.errorText()));
        QTRY_COMPARE(a.app.backend->pendingCount(), 0);
        QVERIFY(a.sync.errorText().isEmpty());
    }

    // Signing in writes on the server too (the device and its token): on a full disk it says
    // the server's storage is full, not that the server is busy, and works once space is freed.
    void serverDiskFull_signInSaysSo_andSignsInOnceSpaceIsFreed()
    {
        if (const QString why = attache::test::FullDiskServer::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        attache::test::FullDiskServer server;
        const std::string failed = startDemoOnFullDisk(server);
        QVERIFY2(failed.empty(), failed.c_str());
        QVERIFY(server.fillUp());

        Device a;
        QVERIFY(a.app.waitReady());
        QSignalSpy refused(&a.sync, &SyncController::signInFailed);
        a.sync.signIn(QString::fromStdString(server.baseUrl()), QStringLiteral("hanh"),
            QStringLiteral("demo-password"));
        QVERIFY(refused.wait(30000));
        QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("storage is full")),
            qPrintable(refused.at(0).at(0).toString()));
        QVERIFY(!a.sync.signedIn());

        QVERIFY(server.freeSpace());
        QVERIFY2(signIn(a, server.baseUrl(), "hanh"), qPrintable(a.sync.errorText()));
        QVERIFY(a.sync.errorText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
