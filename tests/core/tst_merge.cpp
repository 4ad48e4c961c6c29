#include "merge.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include <QTest>

using namespace attache;
using nlohmann::json;

/// The field merge rule shared by server and client.
class TestMerge : public QObject
{
    Q_OBJECT
    const std::string h1 = "0000000000000001-0000-aaaa";
    const std::string h2 = "0000000000000002-0000-bbbb";
    const std::string h3 = "0000000000000003-0000-aaaa";

private slots:
    void greaterStampWins()
    {
        QVERIFY(mergeField("old", h1, "new", h2, h1).takeIncoming);
        QVERIFY(!mergeField("new", h2, "old", h1, "").takeIncoming);
        QVERIFY(mergeField(nullptr, "", "first", h1, "").takeIncoming);
    }
    void sameChangeTwiceIsNothing()
    {
        const auto m = mergeField("x", h2, "x", h2, h1);
        QVERIFY(!m.takeIncoming);
        QVERIFY(!m.conflict);
    }
    void concurrentDifferentValuesConflict()
    {
        // Both sides changed the field since base h1.
        const auto m = mergeField("Director", h2, "Deputy Director", h3, h1);
        QVERIFY(m.takeIncoming);
        QVERIFY(m.conflict);
        const auto reverse = mergeField("Deputy Director", h3, "Director", h2, h1);
        QVERIFY(!reverse.takeIncoming);
        QVERIFY(reverse.conflict);
    }
    void equalValuesNeverConflict()
    {
        QVERIFY(!mergeField("Tokyo", h2, "Tokyo", h3, h1).conflict);
        QVERIFY(!mergeField(json::array({"JP"}), h2, json::array({"JP"}), h3, "").conflict);
    }
    void sequentialEditIsNoConflict()
    {
        // The incoming side saw the current value (base == current stamp): a plain update.
        const auto m = mergeField("a", h2, "b", h3, h2);
        QVERIFY(m.takeIncoming);
        QVERIFY(!m.conflict);
    }
    void orderIndependent()
    {
        // Applying two concurrent values in either order ends on the same value.
        const json a = "from A", b = "from B";
        json s1 = nullptr;
        std::string st1;
        for (auto [v, h] : {std::pair {a, h2}, std::pair {b, h3}}) {
            if (mergeField(s1, st1, v, h, "").takeIncoming) {
                s1 = v;
                st1 = h;
            }
        }
        json s2 = nullptr;
        std::string st2;
        for (auto [v, h] : {std::pair {b, h3}, std::pair {a, h2}, std::pair {b, h3}}) {
            if (mergeField(s2, st2, v, h, "").takeIncoming) {
                s2 = v;
                st2 = h;
            }
        }
        QCOMPARE(s1, s2);
        QCOMPARE(st1, st2);
    }
    void textFormDecidesLikeValues()
    {
        // The server merges values kept as JSON text; it must decide exactly as the JSON form
        // does, for every combination of stamps and of equal and different values.
        const std::vector<json> values {nullptr, "Tokyo", "Osaka", json::array({"JP", "VN"}),
            json::array({"VN", "JP"}), json {{"amount", 100}, {"currency", "USD"}}, 0, 12, true,
            false};
        const std::vector<std::string> stamps {"", h1, h2, h3};
        int conflicts = 0;
        for (const auto &cur : values) {
            for (const auto &in : values) {
                for (const auto &ch : stamps) {
                    for (const auto &ih : stamps) {
                        for (const auto &base : stamps) {
                            const auto a = mergeField(cur, ch, in, ih, base);
                            const auto b = mergeFieldText(cur.dump(), ch, in.dump(), ih, base);
                            QCOMPARE(b.takeIncoming, a.takeIncoming);
                            QCOMPARE(b.conflict, a.conflict);
                            conflicts += a.conflict;
                        }
                    }
                }
            }
        }
        QVERIFY(conflicts > 0);
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
