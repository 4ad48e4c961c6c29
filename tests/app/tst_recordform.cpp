// RecordForm: loading, typed values into JSON, errors next to the field, nothing typed lost.
#include "appfixture.h"
#include "attachmentcontroller.h"
#include "recordform.h"
#include "recordlistmodel.h"
#include "synccontroller.h"

#include "schema.h"
#include "store.h"
#include "texts.h"
#include <QDateTime>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QUrl>

class TestRecordForm : public QObject
{
    Q_OBJECT

    // Fields of a kind that its form leaves out on purpose. Every other field of a kind with a
    // form must be on the form, so that a field added to core/schema.cpp is not silently
    // missing from the app (the test below fails until it is on the form or listed here).
    static const std::map<QString, QStringList> &fieldsLeftOffForms()
    {
        static const std::map<QString, QStringList> fields = {
            // The signed-in user's organisation, set on save.
            {QStringLiteral("mission"), {QStringLiteral("organisation_id")}},
            // mission_id: the mission the form was opened from, set on save.
            {QStringLiteral("meeting"), {QStringLiteral("mission_id")}},
            {QStringLiteral("agreement"), {QStringLiteral("mission_id")}},
            {QStringLiteral("event"), {QStringLiteral("mission_id")}},
            {QStringLiteral("contact"), {QStringLiteral("mission_id")}},
            {QStringLiteral("lead"), {QStringLiteral("mission_id")}},
            // The link to the record a follow-up comes from is set by "Add a follow-up" on
            // that record (RecordForm::linkedKind/linkedId), not typed; an edit keeps it.
            {QStringLiteral("followup"),
                {QStringLiteral("mission_id"), QStringLiteral("linked_kind"),
                    QStringLiteral("linked_id")}},
        };
        return fields;
    }
    // Kinds without a RecordForm: organisations and users come from the server's directory,
    // attachments are added on their own page (AttachmentPage), reviews on the report page.
    static QStringList kindsWithoutForm()
    {
        return {QStringLiteral("organisation"), QStringLiteral("user"),
            QStringLiteral("attachment"), QStringLiteral("review")};
    }

    /// The first mission by title, or the first with `status`.
    static QString firstMission(AppFixture &f, const std::string &status = {})
    {
        QString id;
        f.backend->run(
            f.backend.get(), [](attache::Store &s) { return s.list("mission"); },
            [&](const attache::Result<std::vector<attache::Record>> &r) {
                for (const auto &m : r ? *r : std::vector<attache::Record> {}) {
                    if (id.isEmpty() && (status.empty() || m.text("status") == status))
                        id = QString::fromStdString(m.id);
                }
            });
        (void)QTest::qWaitFor([&] { return !id.isEmpty(); }, 5000);
        return id;
    }

    /// Opens `form` on a new follow-up of `mission` linked to (`linkedKind`, `linkedId`), as
    /// "Add a follow-up" does; true once it has loaded.
    static bool openNewFollowUp(RecordForm &form, AppFixture &f, const QString &mission,
        const QString &linkedKind, const QString &linkedId)
    {
        form.setPreferences(&f.prefs);
        form.setKind(QStringLiteral("followup"));
        form.setMissionId(mission);
        form.setLinkedKind(linkedKind);
        form.setLinkedId(linkedId);
        QSignalSpy loaded(&form, &RecordForm::loaded);
        form.setBackend(f.backend.get());
        return loaded.wait();
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
            [&](const attache::Result<std::optional<attache::Record>> &r) {
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
        // "1.500" is fifteen hundred in Vietnamese: a switch to English mid-edit rewrites it with
        // English separators, never reads it as one and a half.
        form.setValue(QStringLiteral("pledged_capital"), QStringLiteral("1.500"));
        f.prefs.setLanguage(QStringLiteral("en"));
        QCOMPARE(form.value(QStringLiteral("pledged_capital")).toString(), QStringLiteral("1,500"));
        QStringList labels; // and the labels follow
        for (int row = 0; row < form.rowCount(); ++row)
            labels << form.data(form.index(row), RecordForm::LabelRole).toString();
        QVERIFY2(labels.contains(QStringLiteral("Pledged capital")), qPrintable(labels.join(',')));
        QSignalSpy resaved(&form, &RecordForm::saved);
        form.save();
        QVERIFY(resaved.wait());
        form.reload();
        QVERIFY(reloaded.wait());
        QCOMPARE(form.value(QStringLiteral("pledged_capital")).toString(), QStringLiteral("1,500"));
        f.prefs.setLanguage(QStringLiteral("vi"));
        QCOMPARE(form.value(QStringLiteral("pledged_capital")).toString(), QStringLiteral("1.500"));
        f.prefs.setLanguage(QStringLiteral("en"));

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
            [&](const attache::Result<std::vector<attache::Record>> &r) {
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

        // Listed on the contact's own form.
        RecordListModel linked;
        QAbstractItemModelTester linkedTester(
            &linked, QAbstractItemModelTester::FailureReportingMode::QtTest);
        linked.setKind(QStringLiteral("attachment"));
        linked.setLinkedRecordId(form.recordId());
        linked.setBackend(f.backend.get());
        QTRY_COMPARE(linked.rowCount(), 1);
        QCOMPARE(linked.idAt(0), QString::fromStdString(a.id));
        QVERIFY(!linked.canFetchMore({}));
        linked.setLinkedRecordId(QStringLiteral("0190a1b2-0000-7000-8000-00000000ffff"));
        QTRY_COMPARE(linked.rowCount(), 0);

        // Opened from the interface: on this device already, so no server is needed; a copy
        // under its own name lets other apps open it.
        SyncController sync(f.backend.get(), nullptr);
        sync.setAutomatic(false);
        AttachmentController opened;
        opened.setBackend(f.backend.get());
        opened.setSync(&sync);
        opened.setAttachmentId(QString::fromStdString(a.id));
        QTRY_COMPARE(opened.state(), QStringLiteral("ready"));
        QVERIFY(opened.isImage());
        QCOMPARE(opened.mimeType(), QStringLiteral("image/png"));
        QCOMPARE(opened.size(), 1008);
        QCOMPARE(opened.fileUrl().fileName(), QStringLiteral("card.png"));
        QFile copy(opened.fileUrl().toLocalFile());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.size(), 1008);

        // Its bytes gone from this device and nobody signed in: it says what to do.
        QVERIFY(QFile::remove(f.backend->attachmentDir() + QLatin1Char('/')
            + QString::fromStdString(a.text("sha256"))));
        opened.fetch();
        QTRY_COMPARE(opened.state(), QStringLiteral("failed"));
        QVERIFY2(
            opened.errorText().contains(QStringLiteral("Sign in")), qPrintable(opened.errorText()));
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

    // First start, "work offline": a brand-new device (no organisation, nobody signed in) can
    // record a mission and its meeting; at the first sign-in the mission gets the user's
    // organisation and the user as a member, in one write, and stays pending for upload.
    void missionBeforeAnySignInIsAdoptedAtSignIn()
    {
        AppFixture f(false);
        QVERIFY(f.waitReady());
        RecordForm form;
        form.setPreferences(&f.prefs);
        form.setKind(QStringLiteral("mission"));
        QSignalSpy loaded(&form, &RecordForm::loaded);
        form.setBackend(f.backend.get());
        QVERIFY(loaded.wait());
        form.setValue(QStringLiteral("title"), QStringLiteral("Đoàn công tác tại Lào"));
        form.setValue(QStringLiteral("start_date"), QStringLiteral("01/10/2026"));
        form.setValue(QStringLiteral("end_date"), QStringLiteral("05/10/2026"));
        QSignalSpy saved(&form, &RecordForm::saved);
        form.save();
        QVERIFY2(saved.wait(), qPrintable(form.errorText()));
        const QString mission = saved.at(0).at(0).toString();

        RecordForm meeting;
        meeting.setPreferences(&f.prefs);
        meeting.setKind(QStringLiteral("meeting"));
        meeting.setMissionId(mission);
        QSignalSpy meetingLoaded(&meeting, &RecordForm::loaded);
        meeting.setBackend(f.backend.get());
        QVERIFY(meetingLoaded.wait());
        meeting.setValue(
            QStringLiteral("counterpart"), QStringLiteral("Sở Công Thương Viêng Chăn"));
        meeting.setValue(QStringLiteral("starts_at"), QStringLiteral("02/10/2026 09:00"));
        QSignalSpy meetingSaved(&meeting, &RecordForm::saved);
        meeting.save();
        QVERIFY2(meetingSaved.wait(), qPrintable(meeting.errorText()));
        QTRY_COMPARE(f.backend->pendingCount(), 2);

        auto missionFields = [&]() {
            nlohmann::json fields;
            bool done = false;
            f.backend->run(
                f.backend.get(),
                [id = mission.toStdString()](attache::Store &s) { return s.get("mission", id); },
                [&](const attache::Result<std::optional<attache::Record>> &r) {
                    if (r && *r)
                        fields = (*r)->fields;
                    done = true;
                });
            (void)QTest::qWaitFor([&] { return done; }, 5000);
            return fields;
        };
        QCOMPARE(missionFields().value("organisation_id", std::string()),
            std::string(Backend::kOfflineOrganisation));

        const QString user = QStringLiteral("0190a1b2-0000-7000-8000-000000000001");
        const QString org = QStringLiteral("0190a1b2-0000-7000-8000-0000000000aa");
        int adopted = -1;
        f.backend->adoptOfflineWork(user, org, [&](int n) { adopted = n; });
        QTRY_COMPARE(adopted, 1);
        const auto fields = missionFields();
        QCOMPARE(fields.value("organisation_id", std::string()), org.toStdString());
        QVERIFY(fields.value("member_ids", nlohmann::json())
            == nlohmann::json::array({user.toStdString()}));
        QCOMPARE(f.backend->currentUserId(), user);
        QCOMPARE(f.backend->pendingCount(), 2); // still all waiting for the first sync

        // A second sign-in finds nothing left to adopt.
        adopted = -1;
        f.backend->adoptOfflineWork(user, org, [&](int n) { adopted = n; });
        QTRY_COMPARE(adopted, 0);
    }

    // A meeting's counterpart contacts and a lead's contact are chosen from the mission's
    // contacts, searchable, and saved as links.
    void meetingAndLeadLinkToContacts()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        const QString mission = firstMission(f, "returned"); // the Japan mission, with contacts
        QVERIFY(!mission.isEmpty());

        bool added = false;
        f.backend->run(
            f.backend.get(),
            [m = mission.toStdString()](attache::Store &s) {
                return s.create("contact", {{"full_name", "Suzuki Aiko"}, {"mission_id", m}});
            },
            [&](const attache::Result<attache::Record> &r) { added = r.ok(); });
        QTRY_VERIFY(added);

        RecordForm meeting;
        meeting.setPreferences(&f.prefs);
        meeting.setKind(QStringLiteral("meeting"));
        meeting.setMissionId(mission);
        QSignalSpy loaded(&meeting, &RecordForm::loaded);
        meeting.setBackend(f.backend.get());
        QVERIFY(loaded.wait());
        int row = -1;
        for (int i = 0; i < meeting.rowCount(); ++i) {
            if (meeting.index(i).data(RecordForm::NameRole) == QStringLiteral("contact_ids"))
                row = i;
        }
        QVERIFY(row >= 0);
        QCOMPARE(meeting.index(row).data(RecordForm::TypeRole).toString(),
            QStringLiteral("contactlist"));
        QCOMPARE(meeting.index(row).data(RecordForm::LabelRole).toString(),
            QStringLiteral("Counterpart contacts"));
        const QVariantList options = meeting.index(row).data(RecordForm::OptionsRole).toList();
        QVERIFY(options.size() >= 2);
        const QString first = options.at(0).toMap().value(QStringLiteral("value")).toString();
        const QString second = options.at(1).toMap().value(QStringLiteral("value")).toString();
        meeting.setValue(QStringLiteral("counterpart"), QStringLiteral("JETRO"));
        meeting.setValue(QStringLiteral("starts_at"), QStringLiteral("10/03/2026 09:30"));
        meeting.setValue(QStringLiteral("contact_ids"), QStringList {first, second});
        QSignalSpy saved(&meeting, &RecordForm::saved);
        meeting.save();
        QVERIFY2(saved.wait(), qPrintable(meeting.errorText()));

        RecordForm again;
        again.setPreferences(&f.prefs);
        again.setKind(QStringLiteral("meeting"));
        again.setRecordId(saved.at(0).at(0).toString());
        QSignalSpy reloaded(&again, &RecordForm::loaded);
        again.setBackend(f.backend.get());
        QVERIFY(reloaded.wait());
        QCOMPARE(again.value(QStringLiteral("contact_ids")).toStringList(),
            (QStringList {first, second}));

        RecordForm lead;
        lead.setPreferences(&f.prefs);
        lead.setKind(QStringLiteral("lead"));
        lead.setMissionId(mission);
        QSignalSpy leadLoaded(&lead, &RecordForm::loaded);
        lead.setBackend(f.backend.get());
        QVERIFY(leadLoaded.wait());
        lead.setValue(QStringLiteral("company"), QStringLiteral("Sojitz"));
        lead.setValue(QStringLiteral("contact_id"), first);
        QSignalSpy leadSaved(&lead, &RecordForm::saved);
        lead.save();
        QVERIFY2(leadSaved.wait(), qPrintable(lead.errorText()));
        std::string linked;
        f.backend->run(
            f.backend.get(),
            [id = leadSaved.at(0).at(0).toString().toStdString()](
                attache::Store &s) { return s.get("lead", id); },
            [&](const attache::Result<std::optional<attache::Record>> &r) {
                if (r && *r)
                    linked = (*r)->text("contact_id");
            });
        QTRY_COMPARE(linked, first.toStdString());
    }

    // "Add a follow-up" on a meeting: the new follow-up holds the link and shows the meeting's
    // title; editing it later keeps the link. A kind that cannot be linked is refused, with
    // what was typed kept and nothing stored.
    void followUpAddedFromAMeetingKeepsItsLink()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        const QString mission = firstMission(f);
        QVERIFY(!mission.isEmpty());
        std::string meetingId, meetingTitle;
        f.backend->run(
            f.backend.get(),
            [m = mission.toStdString()](attache::Store &s) {
                return s.create("meeting",
                    {{"counterpart", "JETRO <b>Osaka</b>"}, {"starts_at", "2026-03-10T09:30"},
                        {"mission_id", m}});
            },
            [&](const attache::Result<attache::Record> &r) {
                if (r) {
                    meetingId = r->id;
                    meetingTitle = r->title();
                }
            });
        QTRY_VERIFY(!meetingId.empty());
        QVERIFY(!meetingTitle.empty());
        const auto followUp = [&](const std::string &id) {
            std::optional<attache::Record> out;
            bool done = false;
            f.backend->run(
                f.backend.get(), [id](attache::Store &s) { return s.get("followup", id); },
                [&](const attache::Result<std::optional<attache::Record>> &r) {
                    if (r)
                        out = *r;
                    done = true;
                });
            (void)QTest::qWaitFor([&] { return done; }, 5000);
            return out;
        };

        RecordForm form;
        QVERIFY(openNewFollowUp(
            form, f, mission, QStringLiteral("meeting"), QString::fromStdString(meetingId)));
        QTRY_COMPARE(form.linkedTitle(), QString::fromStdString(meetingTitle));
        form.setValue(QStringLiteral("title"), QStringLiteral("Gửi hồ sơ dự án cho JETRO"));
        QSignalSpy saved(&form, &RecordForm::saved);
        form.save();
        QVERIFY2(saved.wait(), qPrintable(form.errorText()));
        const std::string id = saved.at(0).at(0).toString().toStdString();
        auto stored = followUp(id);
        QVERIFY(stored);
        QCOMPARE(stored->text("linked_kind"), std::string("meeting"));
        QCOMPARE(stored->text("linked_id"), meetingId);

        // Opened again to edit: the link is read from the record, and an edit keeps it.
        RecordForm again;
        again.setPreferences(&f.prefs);
        again.setKind(QStringLiteral("followup"));
        again.setRecordId(QString::fromStdString(id));
        QSignalSpy reloaded(&again, &RecordForm::loaded);
        again.setBackend(f.backend.get());
        QVERIFY(reloaded.wait());
        QCOMPARE(again.linkedKind(), QStringLiteral("meeting"));
        QCOMPARE(again.linkedId(), QString::fromStdString(meetingId));
        QTRY_COMPARE(again.linkedTitle(), QString::fromStdString(meetingTitle));
        again.setValue(QStringLiteral("status"), QStringLiteral("done"));
        QSignalSpy savedAgain(&again, &RecordForm::saved);
        again.save();
        QVERIFY2(savedAgain.wait(), qPrintable(again.errorText()));
        stored = followUp(id);
        QVERIFY(stored);
        QCOMPARE(stored->text("status"), std::string("done"));
        QCOMPARE(stored->text("linked_id"), meetingId);

        // A link to a kind that cannot be linked: refused, the typed title kept.
        RecordForm bad;
        QVERIFY(openNewFollowUp(
            bad, f, mission, QStringLiteral("organisation"), QString::fromStdString(meetingId)));
        bad.setValue(QStringLiteral("title"), QStringLiteral("Không được lưu"));
        QSignalSpy refused(&bad, &RecordForm::failed);
        QSignalSpy badSaved(&bad, &RecordForm::saved);
        bad.save();
        QVERIFY(refused.wait());
        QCOMPARE(badSaved.count(), 0);
        QVERIFY(!bad.errorText().isEmpty());
        QCOMPARE(bad.value(QStringLiteral("title")).toString(), QStringLiteral("Không được lưu"));
    }

    /// A kind is defined once (core/schema.cpp), but the forms list their fields and texts.cpp
    /// their labels: every schema field of a kind with a form is on it or left off on purpose,
    /// and what the form shows has a label and option labels in both languages.
    void everySchemaFieldIsOnItsFormOrLeftOffOnPurpose()
    {
        Preferences prefs;
        for (const auto &kind : attache::allKinds()) {
            const QString kindName = QString::fromUtf8(kind.name.data(), kind.name.size());
            RecordForm form;
            form.setKind(kindName);
            QStringList shown;
            for (int row = 0; row < form.rowCount(); ++row)
                shown << form.data(form.index(row), RecordForm::NameRole).toString();
            if (kindsWithoutForm().contains(kindName)) {
                QVERIFY2(shown.isEmpty(),
                    qPrintable(kindName + " has a form now: take it off kindsWithoutForm()"));
                continue;
            }
            QVERIFY2(!shown.isEmpty(),
                qPrintable("No form for \"" + kindName
                    + "\": add its fields to formFields() in app/recordform.cpp, or the kind "
                      "to kindsWithoutForm() here if the app edits it elsewhere"));
            const auto leftOff = fieldsLeftOffForms().count(kindName)
                ? fieldsLeftOffForms().at(kindName)
                : QStringList();
            for (const auto &field : kind.fields) {
                const QString name = QString::fromUtf8(field.name.data(), field.name.size());
                QVERIFY2(shown.contains(name) != leftOff.contains(name),
                    qPrintable(kindName + "." + name
                        + (shown.contains(name)
                                ? " is on the form and in fieldsLeftOffForms(): take it off the "
                                  "list"
                                : " is in the schema but not on the form: add it to "
                                  "formFields() in app/recordform.cpp (and its label to "
                                  "app/texts.cpp), or to fieldsLeftOffForms() here with the "
                                  "reason")));
            }
            for (const auto &name : leftOff) {
                QVERIFY2(kind.field(name.toStdString()),
                    qPrintable(kindName + "." + name
                        + " is listed as left off but is not in "
                          "the schema"));
                // Not on the form, but named by the conflicts list and by error messages.
                QVERIFY2(Texts::fieldLabel(kindName, name) != name,
                    qPrintable(kindName + "." + name + " has no label in app/texts.cpp"));
            }
        }

        // Labels: texts.cpp gives every field on a form a label (fieldLabel() falls back to the
        // raw name) and every option of its enums one. That the Vietnamese translation has each
        // label is the translations check's job (i18n/check-ts.cmake); here the labels must
        // change with the language, so that the second pass reads the translated ones.
        QStringList labelsByLanguage[2];
        for (int pass = 0; pass < 2; ++pass) {
            const QString language = pass == 0 ? QStringLiteral("en") : QStringLiteral("vi");
            prefs.setLanguage(language);
            for (const auto &kind : attache::allKinds()) {
                RecordForm form;
                form.setKind(QString::fromUtf8(kind.name.data(), kind.name.size()));
                for (int row = 0; row < form.rowCount(); ++row) {
                    const auto index = form.index(row);
                    const QString name = form.data(index, RecordForm::NameRole).toString();
                    const QString where = form.kind() + "." + name + " (" + language + ")";
                    const QString label = form.data(index, RecordForm::LabelRole).toString();
                    QVERIFY2(!label.isEmpty() && label != name,
                        qPrintable(where + " has no label in app/texts.cpp"));
                    QCOMPARE(label, Texts::fieldLabel(form.kind(), name));
                    labelsByLanguage[pass] << label;
                    for (const auto &option : form.data(index, RecordForm::OptionsRole).toList()) {
                        const auto map = option.toMap();
                        const QString value = map.value(QStringLiteral("value")).toString();
                        const QString optionLabel = map.value(QStringLiteral("label")).toString();
                        QVERIFY2(!optionLabel.isEmpty() && optionLabel != value,
                            qPrintable(where + ": option \"" + value
                                + "\" has no label in app/texts.cpp"));
                    }
                }
            }
        }
        prefs.setLanguage(QStringLiteral("en"));
        QVERIFY(!labelsByLanguage[0].isEmpty());
        QVERIFY2(labelsByLanguage[0] != labelsByLanguage[1], "the Vietnamese labels did not load");
    }
};

QTEST_GUILESS_MAIN(TestRecordForm)
#include "tst_recordform.moc"
