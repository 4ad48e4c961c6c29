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

    void withoutDiacritics_realNames()
    {
        StoreFixture f;
        QVERIFY(f.open());
        for (const char *name :
            {"Nguyễn Thị Ánh Tuyết", "Đặng Hữu Phước", "Lò Văn Ỷ", "TRẦN ĐỨC ỨNG", "Nguyễn Văn An"})
            f.add("contact", {{"full_name", name}});
        const std::pair<const char *, const char *> typed[] = {
            {"nguyen thi anh tuyet", "Nguyễn Thị Ánh Tuyết"},
            {"NGUYEN THI ANH TUYET", "Nguyễn Thị Ánh Tuyết"},
            {"Nguyen Thi Anh Tuy", "Nguyễn Thị Ánh Tuyết"},
            {"dang huu phuoc", "Đặng Hữu Phước"},
            {"DANG HUU PHUOC", "Đặng Hữu Phước"},
            {"Đang huu phươc", "Đặng Hữu Phước"},
            {"lo van y", "Lò Văn Ỷ"},
            {"LO VAN Y", "Lò Văn Ỷ"},
            {"tran duc ung", "TRẦN ĐỨC ỨNG"},
            {"Tran Duc Ung", "TRẦN ĐỨC ỨNG"},
            {"ung", "TRẦN ĐỨC ỨNG"},
        };
        for (const auto &[query, name] : typed)
            QCOMPARE(titlesIn(f, query), QStringList({QString::fromUtf8(name)}));
        QCOMPARE(titlesIn(f, "nguyen").size(), 2);
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

    void everyIndexedKindIsFound()
    {
        // One word in a title field and one in a body field of a record of each kind that
        // has searched fields; each word finds that record, of that kind.
        StoreFixture f;
        QVERIFY(f.open());
        const auto o = f.add("organisation",
            {{"name", "Sở Công Thương Quảng Trị"}, {"address", "Đông Hà địa chỉ cơ quan"}});
        const auto m = f.add("mission",
            {{"organisation_id", o.id}, {"title", "Đoàn xúc tiến Hàn Quốc"},
                {"purpose", "Mục đích gọi vốn bán dẫn"}, {"start_date", "2026-05-04"},
                {"end_date", "2026-05-08"}});
        struct Case
        {
            const char *kind;
            nlohmann::json fields;
            const char *titleWord, *bodyWord;
        };
        const Case cases[] = {
            {"organisation", {}, "quang tri", "dong ha dia chi"},
            {"mission", {}, "han quoc", "ban dan"},
            {"user",
                {{"full_name", "Lê Thị Thủy"}, {"title", "Chuyên viên phòng Hợp tác"},
                    {"organisation_id", o.id}},
                "le thi thuy", "chuyen vien"},
            {"contact", {{"full_name", "Kim Seo-yeon"}, {"notes", "Thích trà sen Huế"}}, "seo-yeon",
                "tra sen"},
            {"meeting",
                {{"mission_id", m.id}, {"starts_at", "2026-05-05T10:00+09:00"},
                    {"counterpart", "KOTRA Busan"}, {"notes", "Hẹn gặp lại ở Đà Nẵng"}},
                "busan", "da nang"},
            {"agreement",
                {{"mission_id", m.id}, {"title", "Thỏa thuận khung về điện gió"},
                    {"notes", "Chờ Bộ Tư pháp thẩm định"}},
                "dien gio", "tham dinh"},
            {"event",
                {{"mission_id", m.id}, {"name", "Triển lãm SEMICON Korea"},
                    {"notes", "Gian hàng chung với Bắc Ninh"}},
                "semicon", "bac ninh"},
            {"lead",
                {{"mission_id", m.id}, {"company", "Hyosung Vina"},
                    {"notes", "Muốn mở rộng nhà máy sợi"}},
                "hyosung", "nha may soi"},
            {"followup",
                {{"mission_id", m.id}, {"title", "Gửi thư cảm ơn"},
                    {"notes", "Kèm ảnh chụp chung đoàn"}},
                "thu cam on", "anh chup"},
            {"attachment",
                {{"mission_id", m.id}, {"record_kind", "mission"}, {"record_id", m.id},
                    {"file_name", "Biên bản làm việc.pdf"}, {"mime_type", "application/pdf"},
                    {"size", 1024}, {"sha256", std::string(64, 'a')}},
                nullptr, "bien ban lam viec"},
        };
        std::set<std::string> covered;
        for (const auto &c : cases) {
            std::string id;
            if (std::string_view(c.kind) == "organisation")
                id = o.id;
            else if (std::string_view(c.kind) == "mission")
                id = m.id;
            else
                id = f.add(c.kind, c.fields).id;
            for (const char *word : {c.titleWord, c.bodyWord}) {
                if (!word)
                    continue;
                auto hits = f.store->search(word);
                QVERIFY(hits.ok());
                QVERIFY2(hits->size() == 1, word);
                QCOMPARE(hits->front().kind->name, std::string_view(c.kind));
                QCOMPARE(hits->front().id, id);
            }
            covered.insert(c.kind);
        }
        std::set<std::string> searchable;
        for (const auto &k : attache::allKinds()) {
            if (k.searchable())
                searchable.insert(std::string(k.name));
        }
        QCOMPARE(covered, searchable);
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
