#include "storefixture.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include "uuid.h"

#include <set>

using namespace attache;
using nlohmann::json;

/// Accent-insensitive, prefix, ranked search across kinds.
class TestSearch : public QObject
{
    Q_OBJECT
    StoreFixture fx;
    std::string mission, hanh, jetro, meeting, mou, org;

    QStringList titles(const char *query) { return titlesIn(fx, query); }

    static QStringList titlesIn(StoreFixture &f, const char *query, int limit = 20)
    {
        QStringList out;
        auto hits = f.store->search(query, limit);
        if (!hits)
            qFatal("search failed: %s", hits.error().message.c_str());
        for (const auto &h : *hits)
            out << QString::fromStdString(h.title);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(fx.open());
        org = fx.add("organisation", {{"name", "Sở Ngoại vụ Hà Tĩnh"}}).id;
        mission = fx.add("mission",
                        {{"organisation_id", org}, {"title", "Xúc tiến đầu tư tại Nhật Bản"},
                            {"start_date", "2026-03-09"}, {"end_date", "2026-03-15"}})
                      .id;
        hanh = fx.add("contact",
                     {{"full_name", "Nguyễn Thị Tiết Hạnh"},
                         {"organisation", "Sở Ngoại vụ Đắk Lắk"}, {"mission_id", mission}})
                   .id;
        jetro = fx.add("contact",
                      {{"full_name", "Tanaka Hiroshi"}, {"organisation", "JETRO"},
                          {"notes", "Quan tâm khu kinh tế Vũng Áng, Hà Tĩnh"},
                          {"mission_id", mission}})
                    .id;
        fx.add("contact", {{"full_name", "Trần Văn Hà"}, {"mission_id", mission}});
        meeting = fx.add("meeting",
                        {{"mission_id", mission}, {"starts_at", "2026-03-10T09:30+09:00"},
                            {"counterpart", "Bộ Kinh tế, Thương mại và Công nghiệp"},
                            {"topics", {"Logistics", "Năng lượng tái tạo"}}})
                      .id;
        mou = fx.add("agreement",
                    {{"mission_id", mission}, {"title", "Biên bản ghi nhớ hợp tác giáo dục"},
                        {"parties", {"UBND tỉnh Quảng Ngãi", "Champasak"}}})
                  .id;
    }

    void withoutDiacritics()
    {
        QCOMPARE(titles("ha tinh"), QStringList({"Sở Ngoại vụ Hà Tĩnh", "Tanaka Hiroshi"}));
        QCOMPARE(titles("dak lak"), QStringList({"Nguyễn Thị Tiết Hạnh"}));
        QCOMPARE(titles("DAK LAK"), titles("đắk lắk"));
        QCOMPARE(titles("quang ngai"), QStringList({"Biên bản ghi nhớ hợp tác giáo dục"}));
    }

    void prefixAsYouType()
    {
        QCOMPARE(titles("ngu"), QStringList({"Nguyễn Thị Tiết Hạnh"}));
        QCOMPARE(titles("ngoai vu"), QStringList({"Sở Ngoại vụ Hà Tĩnh", "Nguyễn Thị Tiết Hạnh"}));
        QCOMPARE(titles("tana"), QStringList({"Tanaka Hiroshi"}));
        QCOMPARE(titles("nang luong"), QStringList({"Bộ Kinh tế, Thương mại và Công nghiệp"}));
        QCOMPARE(titles("bien ban gh"), QStringList({"Biên bản ghi nhớ hợp tác giáo dục"}));
    }

    void titleMatchesRankFirst()
    {
        // "ha" is in a contact's name, an organisation's name, and only in Tanaka's notes.
        const QStringList t = titles("ha");
        QVERIFY(t.size() >= 3);
        QCOMPARE(t.last(), QStringLiteral("Tanaka Hiroshi"));
    }

    void titleMatchRanksFirstAmongManyMatches()
    {
        // More body matches than search() ranks in one group, all before the name match in
        // row order: the name must still come first.
        StoreFixture f;
        QVERIFY(f.open());
        REQUIRE_OK(f.store->database().exec("BEGIN"));
        std::vector<std::string> noted;
        for (int i = 0; i < 600; ++i) {
            noted.push_back(f.add("contact",
                                 {{"full_name", "Khách " + std::to_string(i)},
                                     {"notes", "Gặp ở hội chợ Hanoi " + std::to_string(i)}})
                                .id);
        }
        const std::string named = f.add("contact", {{"full_name", "Hanoi Trading"}}).id;
        REQUIRE_OK(f.store->database().exec("COMMIT"));

        for (const char *query : {"hanoi", "HAN", "ha"}) {
            auto hits = f.store->search(query);
            QVERIFY(hits.ok());
            QCOMPARE(hits->size(), size_t(20));
            QCOMPARE(hits->front().id, named);
            std::set<std::string> ids;
            for (const auto &h : *hits) {
                QVERIFY2(ids.insert(h.id).second, "a hit is listed twice");
                if (h.id != named)
                    QVERIFY(std::find(noted.begin(), noted.end(), h.id) != noted.end());
            }
        }
        QCOMPARE(titlesIn(f, "hanoi", 1), QStringList({"Hanoi Trading"}));
        QCOMPARE(titlesIn(f, "hanoi trading"), QStringList({"Hanoi Trading"}));
        QCOMPARE(titlesIn(f, "hanoi 599"), QStringList({"Khách 599"}));
    }

    void hitsCarryKindAndMission()
    {
        auto hits = fx.store->search("jetro");
        QCOMPARE(hits->size(), size_t(1));
        QCOMPARE(hits->front().kind->name, std::string_view("contact"));
        QCOMPARE(hits->front().id, jetro);
        QCOMPARE(hits->front().missionId, mission);
        auto m = fx.store->search("xuc tien");
        QCOMPARE(m->front().kind->name, std::string_view("mission"));
        QCOMPARE(m->front().missionId, mission);
    }

    void followsEditsAndDeletes()
    {
        REQUIRE_OK(fx.store->update("contact", jetro, {{"organisation", "Japan External Trade"}}));
        QVERIFY(titles("jetro").isEmpty());
        QCOMPARE(titles("external"), QStringList({"Tanaka Hiroshi"}));
        REQUIRE_OK(fx.store->remove("agreement", mou));
        QVERIFY(titles("champasak").isEmpty());
        REQUIRE_OK(fx.store->restore("agreement", mou));
        QCOMPARE(titles("champasak").size(), 1);
    }

    void userTypedOperatorsAreWords()
    {
        for (const char *q : {"\"", "AND", "ha OR", "NEAR(ha tinh)", "-ha", "ha*", "title:ha", "(",
                 "^", "'; DROP TABLE contacts; --"}) {
            auto r = fx.store->search(q);
            QVERIFY2(r.ok(), q);
        }
        QVERIFY(titles("").isEmpty());
        QVERIFY(titles("   ").isEmpty());
        QVERIFY(titles("zzzz").isEmpty());
        QCOMPARE(*fx.store->count("contact"), std::int64_t(3));
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
