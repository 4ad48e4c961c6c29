#include "uuid.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include <QTest>

#include <set>

using namespace attache;

class TestUuid : public QObject
{
    Q_OBJECT
private slots:
    void versionAndVariant()
    {
        const std::string id = makeUuidV7(1'767'225'600'000);
        QVERIFY(isUuid(id));
        QCOMPARE(id[14], '7');
        QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
        QCOMPARE(id.substr(0, 13), std::string("019b76da-a800"));
    }
    void uniqueAndTimeOrdered()
    {
        std::set<std::string> seen;
        std::string previous;
        for (int i = 0; i < 20000; ++i) {
            const std::string id = makeUuidV7(1'000'000 + i);
            QVERIFY(seen.insert(id).second);
            QVERIFY(previous < id);
            previous = id;
        }
    }
    void orderedWithinOneMillisecond()
    {
        // Ids made one after the other in the same millisecond sort in that order, even past
        // the 4,096 the counter holds (then the next millisecond is borrowed).
        std::string previous;
        std::set<std::string> seen;
        for (int i = 0; i < 10000; ++i) {
            const std::string id = makeUuidV7(1'767'225'600'000);
            QVERIFY(seen.insert(id).second);
            QVERIFY2(previous < id, (previous + " !< " + id).c_str());
            QVERIFY(isUuid(id));
            QCOMPARE(id[14], '7');
            previous = id;
        }
        // The clock then moving on keeps the order too.
        QVERIFY(previous < makeUuidV7(1'767'225'600'010));
    }

    void rejectsNonUuids()
    {
        QVERIFY(!isUuid(""));
        QVERIFY(!isUuid("not-a-uuid"));
        QVERIFY(!isUuid("019b77f5-e800-7000-8000-00000000000g"));
        QVERIFY(!isUuid("019b77f5e8007000800000000000000000aa"));
        QVERIFY(isUuid("019B77F5-E800-7000-8000-0000000000AA"));
    }
};

QTEST_GUILESS_MAIN(TestUuid)
#include "tst_uuid.moc"
