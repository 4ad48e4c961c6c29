// Attachments against a real attache-server: bytes upload after their record, in 1 MiB chunks,
// resume after a connection broken mid-upload from the last acknowledged chunk, and download on
// demand on another device with their SHA-256 verified.

#include "syncworld.h"

#include <QFile>

#include <random>

using namespace attache;
using namespace attache::test;

class TestSyncAttachments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void uploadResumesAndDownloadVerifies()
    {
        SyncWorld w;
        auto started = w.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        FaultProxy proxy(w.server.port(), nullptr);
        auto a = w.addDevice("user0", proxy.url());
        auto b = w.addDevice("user1");
        QVERIFY(a && b);
        TestDevice &A = **a, &B = **b;

        // 2.5 MiB of incompressible bytes: three chunks.
        QByteArray bytes(2 * 1024 * 1024 + 512 * 1024, Qt::Uninitialized);
        std::mt19937 rng(7);
        for (auto &c : bytes)
            c = char(rng());
        const QString src = w.dir.filePath("scan.pdf");
        QFile f(src);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        auto imported = A.engine->importAttachment(src.toStdString());
        QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
        QCOMPARE(imported->size, std::int64_t(bytes.size()));
        auto meeting = A.store().create("meeting",
            {{"mission_id", w.mission}, {"starts_at", "2026-03-10T09:00"},
                {"counterpart", "KEPCO"}});
        QVERIFY(meeting);
        QVERIFY(A.store().create("attachment",
            {{"mission_id", w.mission}, {"record_kind", "meeting"}, {"record_id", meeting->id},
                {"file_name", "scan.pdf"}, {"mime_type", "application/pdf"},
                {"size", imported->size}, {"sha256", imported->sha256}}));

        // The second chunk reaches the server but its answer is lost; the retry resumes from
        // what the server holds (409 wrong_offset tells it) instead of starting over.
        std::vector<std::string> seen;
        proxy.setDecide([&](int i) { return i == 3 ? Fault::DropAfterRequest : Fault::None; });
        auto s = A.engine->sync();
        QVERIFY2(s.ok, s.errors.empty() ? "" : s.errors[0].message.c_str());
        QVERIFY(proxy.faultCount() == 1);
        // A second sync has nothing to upload: one request (the pull).
        s = A.engine->sync();
        QVERIFY(s.ok);
        QCOMPARE(s.requests, std::int64_t(1));

        QVERIFY(B.engine->sync().ok);
        auto fetched = B.engine->fetchAttachment(imported->sha256);
        QVERIFY2(fetched, fetched ? "" : fetched.error().message.c_str());
        QFile got(QString::fromStdString(fetched->path));
        QVERIFY(got.open(QIODevice::ReadOnly));
        QVERIFY(got.readAll() == bytes);
        // Already there: no request at all.
        auto again = B.engine->fetchAttachment(imported->sha256);
        QVERIFY(again);
        QCOMPARE(again->path, fetched->path);
        auto unknown = B.engine->fetchAttachment(std::string(64, 'a'));
        QVERIFY(!unknown);
    }
};

QTEST_GUILESS_MAIN(TestSyncAttachments)
#include "tst_syncattachments.moc"
