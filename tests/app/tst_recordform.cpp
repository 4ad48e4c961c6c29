// RecordForm: loading, typed values into JSON, errors next to the field, nothing typed lost.
#include "appfixture.h"
#include "recordform.h"

#include "store.h"
#include <QDateTime>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QUrl>

class TestRecordForm : public QObject
{
    Q_OBJECT

    static QString firstMission(AppFixture &f)
    {
        QString id;
        f.backend->run(
            f.backend.get(),
            [](attache::Store &s) {
                attache::ListQuery q;
                q.limit = 1;
                return s.list("mission", q);
            },
            [&](attache::Result<std::vector<attache::Record>> r) {
                if (r && !r->empty())
                    id = QString::fromStdString(r->front().id);
            });
        (void)QTest::qWaitFor([&] { return !id.isEmpty(); }, 5000);
        return id;
    }

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void refusedSaveKeepsInputAndNamesTheField()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        const QString mission = firstMission(f);
        QVERIFY(!mission.isEmpty());
        RecordForm form;
        QAbstractItemModelTester tester(
            &form, QAbstractItemModelTester::FailureReportingMode::QtTest);
        form.setPreferences(&f.prefs);
        form.setKind(QStringLiteral("contact"));
        form.setMissionId(mission);
        QSignalSpy loaded(&form, &RecordForm::loaded);
        form.setBackend(f.backend.get());
        QVERIFY(loaded.wait());
        QVERIFY(form.isNew());

        // Required name missing, and a bad e-mail: both wait for the user, nothing is written.
        form.setValue(QStringLiteral("organisation"), QStringLiteral("JETRO Osaka"));
        form.setValue(QStringLiteral("emails"), QStringLiteral("not-an-address"));
        QSignalSpy failed(&form, &RecordForm::failed);
        form.save();
        QCOMPARE(failed.count(), 1); // the required check needs no round trip
        QVERIFY(!form.fieldError(QStringLiteral("full_name")).isEmpty());
        QCOMPARE(
            form.value(QStringLiteral("organisation")).toString(), QStringLiteral("JETRO Osaka"));

        form.setValue(QStringLiteral("full_name"), QStringLiteral("Sato Kenji"));
        QVERIFY(form.fieldError(QStringLiteral("full_name")).isEmpty()); // cleared on edit
        form.save();
        QVERIFY(failed.wait());
        QCOMPARE(form.fieldError(QStringLiteral("emails")),
            QStringLiteral("This is not an e-mail address."));
        QCOMPARE(form.value(QStringLiteral("full_name")).toString(), QStringLiteral("Sato Kenji"));
        QCOMPARE(form.value(QStringLiteral("emails")).toString(), QStringLiteral("not-an-address"));
        QVERIFY(form.isNew());

        form.setValue(
            QStringLiteral("emails"), QStringLiteral("sato@example.jp\nSATO2@example.jp"));
        QSignalSpy saved(&form, &RecordForm::saved);
        form.save();
        QVERIFY(saved.wait());
        QVERIFY(!form.isNew());
        QCOMPARE(saved.at(0).at(0).toString(), form.recordId());

        // The store holds what was typed, normalised, in the mission it was opened from.
        std::optional<attache::Record> stored;
        f.backend->run(
            f.backend.get(),
            [id = form.recordId().toStdString()](
                attache::Store &s) { return s.get("contact", id); },
            [&](attache::Result<std::optional<attache::Record>> r) {
                if (r)
                    stored = *r;
            });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(stored->text("mission_id"), mission.toStdString());
        QVERIFY(stored->field("emails") == nlohmann::json({"sato@example.jp", "sato2@example.jp"}));
    }

    void datesAndMoneyAsPeopleTypeThem()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        const QString mission = firstMission(f);
        RecordForm form;
        form.setPreferences(&f.prefs);
        form.setKind(QStringLiteral("lead"));
        form.setMissionId(mission);
        QSignalSpy loaded(&form, &RecordForm::loaded);
        form.setBackend(f.backend.get());
        QVERIFY(loaded.wait());
        QCOMPARE(form.value(QStringLiteral("status")).toString(), QStringLiteral("interested"));
        form.setValue(QStringLiteral("company"), QStringLiteral("Hanwha"));
        form.setCurrency(QStringLiteral("pledged_capital"), QStringLiteral("USD"));
        form.setValue(QStringLiteral("pledged_capital"), QStringLiteral("12,5abc"));
        QSignalSpy failed(&form, &RecordForm::failed);
        form.save();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(form.fieldError(QStringLiteral("pledged_capital")),
            QStringLiteral("Enter a positive amount."));
        // Typed the Vietnamese way: dots group thousands, the comma marks decimals.
        f.prefs.setLanguage(QStringLiteral("vi"));
        form.setValue(QStringLiteral("pledged_capital"), QStringLiteral("15.000.000,5"));
        QSignalSpy saved(&form, &RecordForm::saved);
        form.save();
        QVERIFY(saved.wait());
        QSignalSpy reloaded(&form, &RecordForm::loaded);
        form.reload();
        QVERIFY(reloaded.wait());
        QCOMPARE(form.value(QStringLiteral("pledged_capital")).toString(),
            QStringLiteral("15.000.000,5"));

        // A follow-up due date typed dd/mm/yyyy; an impossible date is refused next to the field.
        RecordForm task;
        task.setPreferences(&f.prefs);
        task.setKind(QStringLiteral("followup"));
        task.setMissionId(mission);
        QSignalSpy taskLoaded(&task, &RecordForm::loaded);
        task.setBackend(f.backend.get());
        QVERIFY(taskLoaded.wait());
        task.setValue(QStringLiteral("title"), QStringLiteral("Gửi thư cảm ơn"));
        task.setValue(QStringLiteral("due_date"), QStringLiteral("31/02/2026"));
        task.save();
        QVERIFY(!task.fieldError(QStringLiteral("due_date")).isEmpty());
        task.setValue(QStringLiteral("due_date"), QStringLiteral("20/03/2026"));
        QSignalSpy taskSaved(&task, &RecordForm::saved);
        task.save();
        QVERIFY(taskSaved.wait());
    }

    void quickContactWithBusinessCardPhoto()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        const QString mission = firstMission(f);
        QTemporaryDir photos;
        const QString photo = photos.filePath(QStringLiteral("card.png"));
        QFile file(photo);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(1000, 'x'));
        file.close();

        RecordForm form;
        form.setPreferences(&f.prefs);
        form.setKind(QStringLiteral("contact"));
        form.setOnly({QStringLiteral("full_name"), QStringLiteral("organisation")});
        QCOMPARE(form.rowCount(), 2);
        form.setMissionId(mission);
        QSignalSpy loaded(&form, &RecordForm::loaded);
        form.setBackend(f.backend.get());
        QVERIFY(loaded.wait());
        form.setValue(QStringLiteral("full_name"), QStringLiteral("Park Ji-hoon"));
        form.setAttachmentPath(QUrl::fromLocalFile(photo).toString());
        QCOMPARE(form.attachmentPath(), photo);
        QSignalSpy saved(&form, &RecordForm::saved);
        form.save();
        QVERIFY(saved.wait());
        QVERIFY(form.attachmentPath().isEmpty());

        // The photo is an attachment record of the contact, its bytes where sync uploads them.
        std::vector<attache::Record> attachments;
        f.backend->run(
            f.backend.get(),
            [mission = mission.toStdString()](attache::Store &s) {
                attache::ListQuery q;
                q.missionId = mission;
                return s.list("attachment", q);
            },
            [&](attache::Result<std::vector<attache::Record>> r) {
                if (r)
                    attachments = *r;
            });
        QTRY_COMPARE(attachments.size(), size_t(1));
        const auto &a = attachments.front();
        QCOMPARE(a.text("record_id"), form.recordId().toStdString());
        QCOMPARE(a.text("record_kind"), std::string("contact"));
        QCOMPARE(a.text("mime_type"), std::string("image/png"));
        QCOMPARE(a.text("file_name"), std::string("card.png"));
        QVERIFY(QFile::exists(f.backend->attachmentDir() + QLatin1Char('/')
            + QString::fromStdString(a.text("sha256"))));
    }

    void savedRecordReachesTheDatabaseFile()
    {
        // The app's store defers fsync: a save is committed at once and written through to the
        // database file (checkpoint + fsync) a moment later. Until then it lives only in the
        // WAL, since the store turns SQLite's automatic checkpoint off.
        AppFixture f;
        QVERIFY(f.waitReady());
        const QString mission = firstMission(f);
        RecordForm form;
        form.setPreferences(&f.prefs);
        form.setKind(QStringLiteral("contact"));
        form.setMissionId(mission);
        QSignalSpy loaded(&form, &RecordForm::loaded);
        form.setBackend(f.backend.get());
        QVERIFY(loaded.wait());
        const QString name
            = QStringLiteral("Lưu xuống đĩa %1").arg(QDateTime::currentMSecsSinceEpoch());
        form.setValue(QStringLiteral("full_name"), name);
        QSignalSpy saved(&form, &RecordForm::saved);
        form.save();
        QVERIFY(saved.wait());
        const QString path = f.dir.filePath(QStringLiteral("attache.db"));
        auto inMainFile = [&] {
            QFile db(path);
            return db.open(QIODevice::ReadOnly) && db.readAll().contains(name.toUtf8());
        };
        QTRY_VERIFY_WITH_TIMEOUT(inMainFile(), 10000);
    }

    void storeRuleErrorLandsOnItsField()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        RecordForm form;
        form.setPreferences(&f.prefs);
        form.setKind(QStringLiteral("mission"));
        QSignalSpy loaded(&form, &RecordForm::loaded);
        form.setBackend(f.backend.get());
        QVERIFY(loaded.wait());
        form.setValue(QStringLiteral("title"), QStringLiteral("Đoàn công tác Singapore"));
        form.setValue(QStringLiteral("start_date"), QStringLiteral("10/06/2026"));
        form.setValue(QStringLiteral("end_date"), QStringLiteral("05/06/2026"));
        QSignalSpy failed(&form, &RecordForm::failed);
        form.save();
        QVERIFY(failed.wait());
        QCOMPARE(form.fieldError(QStringLiteral("end_date")),
            QStringLiteral("This date must not be before the start date."));
        QCOMPARE(form.value(QStringLiteral("title")).toString(),
            QStringLiteral("Đoàn công tác Singapore"));
        form.setValue(QStringLiteral("end_date"), QStringLiteral("14/06/2026"));
        QSignalSpy saved(&form, &RecordForm::saved);
        form.save();
        QVERIFY(saved.wait());
    }
};

QTEST_GUILESS_MAIN(TestRecordForm)
#include "tst_recordform.moc"
