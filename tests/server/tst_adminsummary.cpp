// `attache-server admin summary`: the period summary from a real server database (SQLite and
// PostgreSQL), against hand-computed figures and byte for byte against the app's own CSV.
//
// The fixture department (tests/documents/dashboardfixture.h, whose figures tst_reportdocuments
// computes by hand) is written into a device store, pushed to a real server by its manager, and
// summarised by the admin command; another organisation's mission must not count.

#include "dashboardfixture.h"
#include "fixture.h"
#include "interchange/contactcsv.h"
#include "reportcsv.h"
#include "reportdata.h"
#include "store.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <map>

using namespace attache;
using namespace attache::test;
using nlohmann::json;

class TestAdminSummary : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> server;
    QTemporaryDir dir;
    std::unique_ptr<Store> device;
    DashboardFixture d;
    std::string otherOrg;

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        if (backendUnderTest() == Backend::Postgres && !postgresAvailable())
            QSKIP("ATTACHE_TEST_PG_URL is not set (run under scripts/with-postgres)");
        server = std::make_unique<TestServer>(backendUnderTest());
        auto started = server->start();
        QVERIFY2(started.ok(), started ? "" : started.error().message.c_str());
        const char *password = "correct-horse-1";
        auto org = server->createOrg("Sở Ngoại vụ Hà Tĩnh");
        auto other = server->createOrg("Sở Công Thương Nghệ An");
        QVERIFY(org && other);
        d.org = *org;
        otherOrg = *other;
        auto user = [&](std::string &id, const char *username, const char *role, const char *name) {
            auto u = server->createUser(d.org, username, password, role, name);
            if (u)
                id = *u;
            return u.ok();
        };
        QVERIFY(user(d.linh, "linh", "leader", "Nguyễn Hồng Lĩnh"));
        QVERIFY(user(d.hanh, "hanh", "member", "Trần Thị Hạnh"));
        QVERIFY(user(d.dung, "dung", "member", "Lê Văn Dũng"));
        QVERIFY(user(d.son, "son", "manager", "Thái Phúc Sơn"));
        // Nghệ An's mission of 2026, led by their own official: never in Hà Tĩnh's summary.
        auto ngheAnUser
            = server->createUser(otherOrg, "nghean", password, "manager", "Người Nghệ An");
        QVERIFY(ngheAnUser);
        QVERIFY(server->createMission(
            otherOrg, "Đoàn Nghệ An", *ngheAnUser, {}, "2026-04-01", "2026-04-03"));

        // The records made on the manager's device, then pushed as a device would push them.
        auto s = Store::open(dir.filePath(QStringLiteral("device.db")).toStdString());
        QVERIFY(s);
        device = std::move(*s);
        d.withOtherOrganisation = false;
        try {
            d.build(*device);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        auto pending = device->pendingChanges(1000);
        QVERIFY(pending);
        json changes = json::array();
        for (const auto &rec : *pending) {
            json fields = json::object();
            for (const auto &f : rec.fields)
                fields[f.field] = fieldAt(f.value, f.hlc, f.baseHlc);
            changes.push_back({{"kind", rec.kind->name}, {"id", rec.id}, {"fields", fields}});
        }
        ApiClient son("127.0.0.1", server->port());
        QCOMPARE(son.login("son", password, "dev_son_" + randomHex(4)).status, 200);
        const Reply pushed = son.push(makeUuidV7(), changes);
        QVERIFY2(pushed.status == 200, pushed.raw.c_str());
        QVERIFY2(pushed.body["conflicts"].empty(), pushed.raw.c_str());
    }

    void jsonFigures()
    {
        const AdminRun run
            = server->admin({"summary", "--org", QString::fromStdString(d.org), "--from",
                "2026-01-01", "--to", "2026-12-31", "--as-of", "2027-01-15", "--format", "json"});
        QVERIFY2(run.exitCode == 0, run.err.c_str());
        const json j = json::parse(run.out, nullptr, false);
        QVERIFY2(j.is_object(), run.out.c_str());
        QCOMPARE(j["organisation"].get<std::string>(), std::string("Sở Ngoại vụ Hà Tĩnh"));
        const json &f = j["figures"];
        QCOMPARE(f["missions"].get<int>(), 3); // not last year's, the deleted one, Nghệ An's
        QCOMPARE(f["person_trips"].get<int>(), 6); // 3 + 2 + 1
        QCOMPARE(f["distinct_officials"].get<int>(), 4);
        QCOMPARE(f["meetings"].get<int>(), 4); // the deleted meeting does not count
        QCOMPARE(f["agreements"].get<int>(), 3);
        QCOMPARE(f["agreements_signed"].get<int>(), 2);
        QCOMPARE(f["agreements_by_field"],
            json({{"culture", 1}, {"education", 1}, {"investment", 1}, {"trade", 2}}));
        QCOMPARE(f["contacts"].get<int>(), 5);
        QCOMPARE(f["leads"].get<int>(), 4);
        QCOMPARE(
            f["pledged_capital"], json({{"USD", 175000050}, {"VND", std::int64_t(337500000000)}}));
        QCOMPARE(f["missions_by_country"], json({{"JP", 1}, {"KR", 1}, {"LA", 1}, {"TH", 1}}));
        QCOMPARE(f["follow_ups_open"].get<int>(), 2);
        QCOMPARE(f["follow_ups_done"].get<int>(), 1);
        QCOMPARE(f["follow_ups_overdue"].get<int>(), 1);
        QCOMPARE(j["missions"].size(), size_t(3));
        QCOMPARE(j["missions"][0]["title"].get<std::string>(),
            std::string("Xúc tiến đầu tư tại Nhật Bản"));
        QCOMPARE(j["leads_by_country"]["JP"]["leads"].get<int>(), 2);

        // The other organisation has its one mission, without Hà Tĩnh's.
        const AdminRun other = server->admin({"summary", "--org", QString::fromStdString(otherOrg),
            "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"});
        QVERIFY2(other.exitCode == 0, other.err.c_str());
        const json o = json::parse(other.out, nullptr, false);
        QCOMPARE(o["figures"]["missions"].get<int>(), 1);
        QCOMPARE(o["figures"]["person_trips"].get<int>(), 1);
        QCOMPARE(o["figures"]["contacts"].get<int>(), 0);
    }

    void csvIsTheAppsCsv()
    {
        const QString out = dir.filePath(QStringLiteral("tong-ket-2026.csv"));
        const AdminRun run
            = server->admin({"summary", "--org", QString::fromStdString(d.org), "--from",
                "2026-01-01", "--to", "2026-12-31", "--as-of", "2027-01-15", "--output", out});
        QVERIFY2(run.exitCode == 0, run.err.c_str());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        // The same bytes as the documents code on the device's own store.
        ReportFilter filter;
        filter.organisationId = d.org;
        filter.from = "2026-01-01";
        filter.to = "2026-12-31";
        filter.asOf = "2027-01-15";
        // The device knows its organisation (synced from the server in real life).
        if (auto org = device->get("organisation", d.org); org && !*org)
            QVERIFY(device->create("organisation", {{"name", "Sở Ngoại vụ Hà Tĩnh"}}, d.org));
        auto local = documents::loadSummary(*device, filter);
        QVERIFY(local);
        QCOMPARE(bytes.toStdString(), documents::summaryCsv(*local));
        QVERIFY(bytes.contains("Tổng hợp,Lượt cán bộ,6,lượt\r\n"));
        QVERIFY(bytes.contains("Tổng hợp,Vốn đầu tư cam kết,1750000.50,USD\r\n"));
    }

    /// What IT pipes into a file or a script: on success stdout is the summary and nothing
    /// else, and stderr is empty (no notes about the temporary store it is computed in).
    void stdoutIsTheSummaryAndStderrIsEmpty()
    {
        const QStringList period {"summary", "--org", QString::fromStdString(d.org), "--from",
            "2026-01-01", "--to", "2026-12-31", "--as-of", "2027-01-15"};
        auto run = [&](const QStringList &extra, QByteArray &out, QByteArray &err) {
            QProcess p;
            p.setProgram(server->serverBinary());
            p.setArguments(QStringList {"admin"} + server->storageArgs() + period + extra);
            p.start();
            if (!p.waitForFinished(30000)) {
                p.kill();
                p.waitForFinished();
                return -1;
            }
            out = p.readAllStandardOutput();
            err = p.readAllStandardError();
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };

        // CSV (the default): the whole of stdout is one sheet, BOM first, every row CRLF-ended.
        QByteArray out, err;
        QCOMPARE(run({}, out, err), 0);
        QVERIFY2(err.isEmpty(), err.constData());
        QVERIFY(out.startsWith("\xEF\xBB\xBF"));
        QVERIFY(out.endsWith("\r\n"));
        const auto table = interchange::readCsv(out.toStdString());
        QVERIFY(table.skipped.empty());
        QVERIFY(table.rows.size() > 10);
        QCOMPARE(table.rows[0].fields,
            std::vector<std::string>({"Mục", "Chỉ tiêu", "Giá trị", "Đơn vị"}));
        std::map<std::string, std::string> figures; // "name|unit" of the summary rows
        for (const auto &row : table.rows) {
            QCOMPARE(row.fields.size(), std::size_t(4));
            if (row.fields[0] == "Tổng hợp")
                figures[row.fields[1] + "|" + row.fields[3]] = row.fields[2];
        }
        const std::map<std::string, std::string> expected {
            {"Số đoàn ra|đoàn", "3"},
            {"Lượt cán bộ|lượt", "6"},
            {"Số cán bộ|người", "4"},
            {"Buổi làm việc|buổi", "4"},
            {"Văn bản hợp tác|văn bản", "3"},
            {"Văn bản đã ký kết|văn bản", "2"},
            {"Đầu mối liên hệ|người", "5"},
            {"Dự án đầu tư|dự án", "4"},
            {"Vốn đầu tư cam kết|USD", "1750000.50"},
            {"Vốn đầu tư cam kết|VND", "337500000000"},
            {"Việc triển khai chưa hoàn thành|việc", "2"},
            {"Việc triển khai quá hạn|việc", "1"},
            {"Việc triển khai đã hoàn thành|việc", "1"},
        };
        QCOMPARE(figures, expected);

        // JSON: stdout is exactly one JSON document.
        QCOMPARE(run({"--format", "json"}, out, err), 0);
        QVERIFY2(err.isEmpty(), err.constData());
        const json j = json::parse(out.toStdString(), nullptr, false);
        QVERIFY2(j.is_object(), out.constData());
        QCOMPARE(j["figures"]["missions"].get<int>(), 3);
        QCOMPARE(j["figures"]["person_trips"].get<int>(), 6);

        // --verbose shows the temporary store's start-up notes, on stderr only.
        QCOMPARE(run({"--verbose", "--format", "json"}, out, err), 0);
        QVERIFY2(err.contains("[attache.store]"), err.constData());
        QCOMPARE(json::parse(out.toStdString(), nullptr, false), j);
    }

    /// The PDF route: export-store writes the organisation as a device store, which
    /// attache-report reads; its figures are the admin summary's, byte for byte.
    void exportStoreForThePdf()
    {
        const QString org = QString::fromStdString(d.org);
        const QString path = dir.filePath(QStringLiteral("snv-hatinh.db"));
        AdminRun run = server->admin({"export-store", "--org", org, "--output", path});
        QVERIFY2(run.exitCode == 0, run.err.c_str());
        QVERIFY2(run.err.empty(), run.err.c_str());
        QCOMPARE(QString::fromStdString(run.out), path);

        const AdminRun csv = server->admin({"summary", "--org", org, "--from", "2026-01-01", "--to",
            "2026-12-31", "--as-of", "2027-01-15"});
        QCOMPARE(csv.exitCode, 0);
        {
            auto store = Store::open(path.toStdString());
            QVERIFY(store);
            ReportFilter filter;
            filter.organisationId = d.org;
            filter.from = "2026-01-01";
            filter.to = "2026-12-31";
            filter.asOf = "2027-01-15";
            auto data = documents::loadSummary(**store, filter);
            QVERIFY(data);
            QCOMPARE(data->figures.missions, std::int64_t(3));
            QCOMPARE(QByteArray::fromStdString(documents::summaryCsv(*data)).trimmed(),
                QByteArray::fromStdString(csv.out));
            // Nghệ An's records are not in Hà Tĩnh's file.
            auto other = (*store)->get("organisation", otherOrg);
            QVERIFY(other);
            QVERIFY(!*other);
        }

        // An existing file is never overwritten.
        run = server->admin({"export-store", "--org", org, "--output", path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.find("exists") != std::string::npos);
        run = server->admin({"export-store", "--org", org});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.find("--output") != std::string::npos);
    }

    void badArguments()
    {
        const QString org = QString::fromStdString(d.org);
        AdminRun r = server->admin({"summary"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.find("--org") != std::string::npos);
        r = server->admin({"summary", "--org", "0190f2c4-0000-7000-8000-000000000000"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.find("no organisation") != std::string::npos);
        r = server->admin({"summary", "--org", org, "--format", "pdf"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.find("attache-report") != std::string::npos);
        r = server->admin({"summary", "--org", org, "--from", "01/01/2026"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.find("YYYY-MM-DD") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestAdminSummary)
#include "tst_adminsummary.moc"
